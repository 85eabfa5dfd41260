using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BreakoutBot.AppHost.Infrastructure;

namespace BreakoutBot.AppHost.Tests;

/// <summary>
/// The ACL users the AppHost writes into the Local infrastructure's redis.conf, against a real redis-server: each
/// service role may do what it does and nothing else — above all, only the Api adds an engine command.
/// </summary>
public sealed class RedisAccessTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-0123456789";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bb-redis-acl-" + Guid.NewGuid().ToString("N")[..12]);
    private int _port;
    private Process? _server;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _port = FreePort();
        var config = Path.Combine(_directory, "redis.conf");
        await File.WriteAllTextAsync(config,
            $"port {_port}\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndir {_directory}\nrequirepass {AdminPassword}\n" + RedisAccess.ConfigLines(PasswordOf),
            TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("redis-server", [config]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (install the redis-server package)");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100 && (await CliAsync(null, "PING")) != "PONG"; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Scanner_PublishesSignalsAndItsSnapshot_ReadsTheEngineState_CannotWriteACommandOrTheEngineState()
    {
        Assert.Matches(EntryId, await CliAsync(RedisRole.Scanner, "XADD", "signals", "*", "envelope", "{}"));
        Assert.Matches(EntryId, await CliAsync(RedisRole.Scanner, "XADD", "trading-events", "*", "envelope", "{}"));
        Assert.Equal("OK", await CliAsync(RedisRole.Scanner, "SET", "scan:latest", "{}"));
        Assert.Equal("", await CliAsync(RedisRole.Scanner, "GET", "engine:state"));
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Scanner, "XADD", "commands", "*", "envelope", "{}"), StringComparison.Ordinal);
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Scanner, "SET", "engine:state", "{}"), StringComparison.Ordinal);
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Scanner, "PUBLISH", "notify:commands", "1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executor_ConsumesCommandsAndSignals_ButCannotAddOne_PublishesTradingEventsAndItsState()
    {
        Assert.Equal("OK", await CliAsync(RedisRole.Executor, "XGROUP", "CREATE", "commands", "executor", "$", "MKSTREAM"));
        Assert.Matches(EntryId, await CliAsync(RedisRole.Api, "XADD", "commands", "*", "envelope", "{}"));
        Assert.Contains("envelope", await CliAsync(RedisRole.Executor, "XREADGROUP", "GROUP", "executor", "e1", "COUNT", "1", "STREAMS", "commands", ">"), StringComparison.Ordinal);
        Assert.Matches(EntryId, await CliAsync(RedisRole.Executor, "XADD", "trading-events", "*", "envelope", "{}"));
        Assert.Matches(EntryId, await CliAsync(RedisRole.Executor, "XADD", "commands:dead", "*", "envelope", "{}"));
        Assert.Equal("OK", await CliAsync(RedisRole.Executor, "SET", "engine:state", "{}"));
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Executor, "XADD", "commands", "*", "envelope", "{}"), StringComparison.Ordinal);
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Executor, "XADD", "signals", "*", "envelope", "{}"), StringComparison.Ordinal);
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Executor, "SET", "scan:latest", "{}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ReadsEverything_AddsCommands_WritesNothingElse_NoRoleRunsAdministration()
    {
        Assert.Matches(EntryId, await CliAsync(RedisRole.Api, "XADD", "commands", "*", "envelope", "{}"));
        Assert.Equal("", await CliAsync(RedisRole.Api, "GET", "scan:latest"));
        Assert.Equal("0", await CliAsync(RedisRole.Api, "XLEN", "trading-events"));
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Api, "SET", "engine:state", "{}"), StringComparison.Ordinal);
        Assert.StartsWith("NOPERM", await CliAsync(RedisRole.Api, "XADD", "signals", "*", "envelope", "{}"), StringComparison.Ordinal);
        foreach (var role in Enum.GetValues<RedisRole>())
        {
            Assert.StartsWith("NOPERM", await CliAsync(role, "CONFIG", "GET", "requirepass"), StringComparison.Ordinal);
            Assert.StartsWith("NOPERM", await CliAsync(role, "FLUSHALL"), StringComparison.Ordinal);
            Assert.StartsWith("NOPERM", await CliAsync(role, "ACL", "LIST"), StringComparison.Ordinal);
            Assert.StartsWith("NOPERM", await CliAsync(role, "KEYS", "*"), StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private const string EntryId = @"^\d+-\d+$";

    private static string PasswordOf(RedisRole role) => RedisAccess.UserOf(role) + "-password-0123456789";

    /// <summary>One redis-cli command as <paramref name="role"/>'s user (the admin when null); its output, trimmed.</summary>
    private async Task<string> CliAsync(RedisRole? role, params string[] command)
    {
        var (user, password) = role is { } some ? (RedisAccess.UserOf(some), PasswordOf(some)) : ("default", AdminPassword);
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-p", _port.ToString(CultureInfo.InvariantCulture), "--user", user, "--pass", password, "--no-auth-warning", .. command])
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start (it comes with redis-server)");
        var output = await cli.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await cli.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
