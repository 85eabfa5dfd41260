using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BreakoutBot.AppHost.Infrastructure;

namespace BreakoutBot.AppHost.Tests;

/// <summary>
/// The Redis ACL users of each service role against a real redis-server, started the way the AppHost starts it (a
/// subclass each): each role may do what it does and nothing else — above all, only the Api adds an engine command.
/// </summary>
public abstract class RedisAccessTests : IAsyncLifetime
{
    protected const string AdminPassword = "admin-password-0123456789";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bb-redis-acl-" + Guid.NewGuid().ToString("N")[..12]);
    private int _port;
    private Process? _server;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _port = FreePort();
        var start = await ServerStartAsync(_port, _directory);
        (start.RedirectStandardOutput, start.RedirectStandardError, start.UseShellExecute) = (true, true, false);
        _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (install the redis-server package)");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100 && (await CliAsync(null, "PING")) != "PONG"; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(_server.HasExited, "redis-server refused its configuration and exited");
    }

    /// <summary>How to start redis-server on <paramref name="port"/>, keeping its files in <paramref name="directory"/>.</summary>
    protected abstract Task<ProcessStartInfo> ServerStartAsync(int port, string directory);

    protected static string PasswordOf(RedisRole role) => RedisAccess.UserOf(role) + "-password-0123456789";

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
        GC.SuppressFinalize(this);
    }

    private const string EntryId = @"^\d+-\d+$";

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

/// <summary>Local mode: the users are <c>user</c> lines of the <c>redis.conf</c> the AppHost writes.</summary>
public sealed class LocalRedisAccessTests : RedisAccessTests
{
    protected override async Task<ProcessStartInfo> ServerStartAsync(int port, string directory)
    {
        var config = Path.Combine(directory, "redis.conf");
        await File.WriteAllTextAsync(config,
            $"port {port}\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndir {directory}\nrequirepass {AdminPassword}\n" + RedisAccess.ConfigLines(PasswordOf),
            TestContext.Current.CancellationToken);
        return new ProcessStartInfo("redis-server", [config]);
    }
}

/// <summary>
/// Containers mode and the deployment: the Redis container's command exactly as the committed publish manifest
/// (deploy/aspire-manifest.json, which the Cli tests hold equal to the AppHost's publisher and to deploy/k8s) gives
/// it — <c>/bin/sh -c "redis-server ... --user ..."</c> with each password in the environment variable the manifest
/// fills from that role's secret parameter. Only the port, the bind address and the data directory are added.
/// </summary>
public sealed class ContainerRedisAccessTests : RedisAccessTests
{
    protected override async Task<ProcessStartInfo> ServerStartAsync(int port, string directory)
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(ManifestPath(), TestContext.Current.CancellationToken));
        var redis = manifest.RootElement.GetProperty("resources").GetProperty("redis");
        Assert.Equal("/bin/sh", redis.GetProperty("entrypoint").GetString());
        var arguments = redis.GetProperty("args").EnumerateArray().Select(argument => argument.GetString()!).ToList();
        Assert.Equal("-c", arguments[0]);
        var environment = redis.GetProperty("env");
        Assert.Equal("{redis-password.value}", environment.GetProperty("REDIS_PASSWORD").GetString());
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec {arguments[1]} --port {port} --bind 127.0.0.1 --dir {directory} --save '' --appendonly no" },
        };
        start.Environment["REDIS_PASSWORD"] = AdminPassword;
        foreach (var role in Enum.GetValues<RedisRole>())
        {
            var variable = ContainerRedisUsers.PasswordVariable(role);
            Assert.Equal($"{{redis-{RedisAccess.UserOf(role)}-password.value}}", environment.GetProperty(variable).GetString());
            start.Environment[variable] = PasswordOf(role);
        }

        return start;
    }

    [Fact]
    public async Task EveryService_ReachesRedisAsItsOwnUser_NoServiceHoldsTheAdminPassword()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(ManifestPath(), TestContext.Current.CancellationToken));
        var resources = manifest.RootElement.GetProperty("resources");
        foreach (var (service, role) in new[] { ("scanner", RedisRole.Scanner), ("executor", RedisRole.Executor), ("api", RedisRole.Api) })
        {
            var environment = resources.GetProperty(service).GetProperty("env");
            Assert.Equal(
                $"{{redis.bindings.tcp.host}}:{{redis.bindings.tcp.port}},user={RedisAccess.UserOf(role)},password={{redis-{RedisAccess.UserOf(role)}-password.value}}{RedisAccess.ClientOptions}",
                environment.GetProperty("ConnectionStrings__redis").GetString());
        }

        foreach (var resource in resources.EnumerateObject().Where(resource => resource.Name != "redis" && resource.Value.TryGetProperty("env", out _)))
        {
            var values = resource.Value.GetProperty("env").EnumerateObject().Select(variable => variable.Value.GetString() ?? "");
            Assert.DoesNotContain(values, value => value.Contains("{redis-password.value}", StringComparison.Ordinal) || value.Contains("{redis.connectionString}", StringComparison.Ordinal));
        }
    }

    private static string ManifestPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "deploy", "aspire-manifest.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("deploy/aspire-manifest.json was not found above the test's directory");
    }
}
