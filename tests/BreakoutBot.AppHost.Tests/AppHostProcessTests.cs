using System.Diagnostics;
using System.Text.Json;
using BreakoutBot.AppHost.Infrastructure;

namespace BreakoutBot.AppHost.Tests;

/// <summary>Runs the real AppHost program the way a user does and checks what it says and writes.</summary>
public class AppHostProcessTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Start_InvalidInfrastructureMode_ExitsWithMessageNamingValidValues()
    {
        var result = await RunAppHostAsync("--Infrastructure:Mode=Kubernetes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Infrastructure:Mode 'Kubernetes' is not valid; use one of: Auto, Containers, Local.", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidTradingMode_ExitsWithMessageNamingValidValues()
    {
        using var scratch = new ScratchDirectory();

        var result = await RunAppHostAsync("--Infrastructure:Mode=Containers", "--Trading:Mode=moon", $"--Infrastructure:DataDirectory={scratch.Path}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Trading:Mode 'moon' is not valid; use one of: sim, paper, testnet, demo, live.", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FaultInjectionOutsideTheSimulatedMarket_IsRefusedWithTheRule()
    {
        using var scratch = new ScratchDirectory();

        var result = await RunAppHostAsync("--Infrastructure:Mode=Containers", "--Trading:Mode=paper", "--Simulator:Faults:Enabled=true", $"--Infrastructure:DataDirectory={scratch.Path}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Simulator:Faults:Enabled is only allowed with Trading:Mode sim (it is 'paper')", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FireDrill_FaultInjectionSwitchReachesTheSimulatorOnly()
    {
        using var manifest = await PublishManifestAsync("--Infrastructure:Mode=Containers", "--Simulator:Faults:Enabled=true");
        var resources = manifest.RootElement.GetProperty("resources");
        Assert.Equal("true", resources.GetProperty("exchange-sim").GetProperty("env").GetProperty("Simulator__Faults__Enabled").GetString());
        Assert.False(resources.GetProperty("executor").GetProperty("env").TryGetProperty("Simulator__Faults__Enabled", out _));
    }

    [Fact]
    public async Task Publish_SingleSignOn_ReachesTheConsoleOnly_TheClientSecretAsASecretParameter()
    {
        using var manifest = await PublishManifestAsync(
            "--Infrastructure:Mode=Containers", "--Console:Oidc:Authority=https://login.example/realms/ops", "--Console:Oidc:ClientId=breakoutbot",
            "--Console:Oidc:DisplayName=Ops login");
        using var plain = await PublishManifestAsync("--Infrastructure:Mode=Containers");
        var resources = manifest.RootElement.GetProperty("resources");

        var web = resources.GetProperty("web").GetProperty("env");
        Assert.Equal("https://login.example/realms/ops", web.GetProperty("Console__Oidc__Authority").GetString());
        Assert.Equal("breakoutbot", web.GetProperty("Console__Oidc__ClientId").GetString());
        Assert.Equal("Ops login", web.GetProperty("Console__Oidc__DisplayName").GetString());
        Assert.Equal("{console-oidc-client-secret.value}", web.GetProperty("Console__Oidc__ClientSecret").GetString());
        Assert.True(resources.GetProperty("console-oidc-client-secret").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        Assert.False(resources.GetProperty("api").GetProperty("env").TryGetProperty("Console__Oidc__Authority", out _));
        Assert.DoesNotContain("Console__Oidc", plain.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.False(plain.RootElement.GetProperty("resources").TryGetProperty("console-oidc-client-secret", out _));
    }

    [Fact]
    public async Task Start_LocalModeWithMissingRedis_ExitsNamingWhatToInstall()
    {
        using var scratch = new ScratchDirectory();
        var missing = Path.Combine(scratch.Path, "no-redis-server");

        var result = await RunAppHostAsync("--Infrastructure:Mode=Local", $"--Infrastructure:RedisServerPath={missing}", $"--Infrastructure:DataDirectory={scratch.Path}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Infrastructure:RedisServerPath '{missing}' is not an executable file", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Manifest_DescribesContainerInfrastructureAndEveryService()
    {
        // Local mode is asked for, but publishing must still produce deployable containers.
        using var manifest = await PublishManifestAsync("--Infrastructure:Mode=Local");
        var resources = manifest.RootElement.GetProperty("resources");
        Assert.StartsWith("container.", resources.GetProperty("postgres").GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("container.", resources.GetProperty("redis").GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("breakoutdb", resources.GetProperty("breakoutdb").GetProperty("connectionString").GetString(), StringComparison.Ordinal);
        foreach (var service in new[] { "exchange-sim", "scanner", "executor", "backtester", "api", "web" })
        {
            Assert.StartsWith("project.", resources.GetProperty(service).GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        var apiEnvironment = resources.GetProperty("api").GetProperty("env");
        Assert.Equal("Containers", apiEnvironment.GetProperty("Infrastructure__Mode").GetString());
        Assert.Equal("sim", apiEnvironment.GetProperty("Trading__Mode").GetString());
        Assert.Equal("Sim", resources.GetProperty("exchange-sim").GetProperty("env").GetProperty("Simulator__Mode").GetString());
    }

    [Fact]
    public async Task Publish_PaperMode_SimulatorRelaysBybitMainnetAndServicesTradeOnTheSimulator()
    {
        using var manifest = await PublishManifestAsync("--Infrastructure:Mode=Containers", "--Trading:Mode=paper");
        var resources = manifest.RootElement.GetProperty("resources");
        var simulator = resources.GetProperty("exchange-sim").GetProperty("env");
        Assert.Equal("Paper", simulator.GetProperty("Simulator__Mode").GetString());
        Assert.Equal("https://api.bybit.com", simulator.GetProperty("Simulator__Upstream__RestUrl").GetString());
        Assert.Equal("wss://stream.bybit.com/v5/public/linear", simulator.GetProperty("Simulator__Upstream__PublicStream").GetString());
        foreach (var service in new[] { "scanner", "executor" })
        {
            var environment = resources.GetProperty(service).GetProperty("env");
            Assert.Equal("paper", environment.GetProperty("Trading__Mode").GetString());
            Assert.Equal("http://exchange-sim", environment.GetProperty("Bybit__BaseUrl").GetString());
            Assert.Contains("/v5/public/linear", environment.GetProperty("Bybit__Streams__PublicEndpoint").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("bybit.com", environment.GetProperty("Bybit__Streams__PublicEndpoint").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Publish_TestnetMode_NoSimulator_EveryServiceInProduction_TheAccountSecretOnlyWithTheExecutor()
    {
        using var manifest = await PublishManifestAsync("--Infrastructure:Mode=Containers", "--Trading:Mode=testnet");
        var resources = manifest.RootElement.GetProperty("resources");
        Assert.False(resources.TryGetProperty("exchange-sim", out _), "no simulator outside sim and paper");
        Assert.DoesNotContain("exchange-sim", manifest.RootElement.GetRawText(), StringComparison.Ordinal);
        foreach (var service in new[] { "db-migrator", "scanner", "executor", "backtester", "api", "web" })
        {
            var environment = resources.GetProperty(service).GetProperty("env");
            Assert.Equal("Production", environment.GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
            Assert.Equal("Production", environment.GetProperty("DOTNET_ENVIRONMENT").GetString());
            var secretHolders = environment.EnumerateObject().Where(variable => variable.Value.GetString()!.Contains("bybit-api-secret", StringComparison.Ordinal)).ToList();
            Assert.True(service == "executor" ? secretHolders.Count == 1 : secretHolders.Count == 0, $"{service} holds the account secret {secretHolders.Count} time(s)");
        }

        Assert.Equal("https://api-testnet.bybit.com", resources.GetProperty("scanner").GetProperty("env").GetProperty("Bybit__BaseUrl").GetString());
    }

    /// <summary>Runs the AppHost's manifest publisher with <paramref name="settings"/> and reads what it wrote.</summary>
    private static async Task<JsonDocument> PublishManifestAsync(params string[] settings)
    {
        using var scratch = new ScratchDirectory();
        var manifestPath = Path.Combine(scratch.Path, "aspire-manifest.json");

        var result = await RunAppHostAsync(["--publisher", "manifest", "--output-path", manifestPath, .. settings]);

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        return JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken));
    }

    private static async Task<ProcessResult> RunAppHostAsync(params string[] arguments)
    {
        var appHost = typeof(InfrastructureMode).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [appHost, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ProcessTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
}
