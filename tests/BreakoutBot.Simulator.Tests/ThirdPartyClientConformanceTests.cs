using System.Diagnostics;

namespace BreakoutBot.Simulator.Tests;

/// <summary>
/// Two Bybit clients nobody here wrote, from npm — ccxt and bybit-api — drive the simulator over real sockets through
/// public and signed REST and the public and private streams (tests/conformance; its packages come from its lock file,
/// installed by scripts/prerequisites.sh --tests).
/// </summary>
public sealed class ThirdPartyClientConformanceTests
{
    [Fact]
    public async Task CcxtAndBybitApi_EveryConformanceCheck_Passes()
    {
        var suite = Path.Combine(RepositoryRoot(), "tests", "conformance");
        Assert.True(Directory.Exists(Path.Combine(suite, "node_modules", "ccxt")), $"The conformance suite's packages are not installed: run `npm ci` in {suite} (scripts/prerequisites.sh --tests does).");
        var (app, address) = await RunningSimulator.StartWithAsync("--Simulator:Speed=60", "--Simulator:HistoryBars=400", "--Simulator:Seed=11");
        try
        {
            var rest = address.ToString().TrimEnd('/');
            var ws = "ws" + rest["http".Length..];
            var start = new ProcessStartInfo("node", "conformance.mjs")
            {
                WorkingDirectory = suite,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["BYBIT_REST_URL"] = rest,
                    ["BYBIT_WS_PUBLIC"] = ws + "/v5/public/linear",
                    ["BYBIT_WS_PRIVATE"] = ws + "/v5/private",
                    ["BYBIT_API_KEY"] = "sim-api-key",
                    ["BYBIT_API_SECRET"] = "sim-api-secret",
                },
            };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(TimeSpan.FromMinutes(4));
            try
            {
                await node.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                node.Kill(entireProcessTree: true);
                throw;
            }

            var text = await output;
            var failures = string.Join('\n', text.Split('\n').Where(line => line.StartsWith("FAIL", StringComparison.Ordinal)));
            Assert.True(node.ExitCode == 0, $"conformance suite exited {node.ExitCode}:\n{failures}\n{text[^Math.Min(text.Length, 2_000)..]}\n{await errors}");
            Assert.Matches(@"(?m)^\d+ passed, 0 failed$", text);
            Assert.Contains("PASS ccxt.rest.reduceOnly", text, StringComparison.Ordinal);
            Assert.Contains("PASS bybit-api.ws.kline.1", text, StringComparison.Ordinal);
        }
        finally
        {
            await RunningSimulator.StopAsync(app);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BreakoutBot.sln above {AppContext.BaseDirectory}.");
    }
}
