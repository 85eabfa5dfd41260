using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(BreakoutBot.IntegrationTests.DistributedAppFixture))]

namespace BreakoutBot.IntegrationTests;

/// <summary>
/// The whole application, started once for the test assembly through the real AppHost in Local infrastructure
/// mode (PostgreSQL and Redis from local binaries, in a fresh data directory), with the dashboard on so tests can
/// read the telemetry the services send it.
/// </summary>
public sealed class DistributedAppFixture : IAsyncLifetime
{
    /// <summary>The console's Api key (the <c>api-key-web</c> parameter), fixed so tests can read from the Api too.</summary>
    public const string ConsoleApiKey = "integration-console-key-0123456789abcdef";

    /// <summary>
    /// The automation key (the <c>api-key-automation</c> parameter, operator role), fixed so tests can send commands:
    /// the console's key acts only for a signed-in person and, without one, only reads.
    /// </summary>
    public const string AutomationApiKey = "integration-automation-key-0123456789";

    /// <summary>The first admin's password (the <c>console-admin-password</c> parameter), fixed so tests can sign in to the console.</summary>
    public const string ConsoleAdminPassword = "integration-admin-password-0123";

    /// <summary>Simulated seconds per real second in the tests' application.</summary>
    public const int SimulatorSpeed = 40;

    public static readonly string[] ResourceNames = ["postgres", "breakoutdb", "redis", "exchange-sim", "executor", "scanner", "backtester", "api", "web"];

    private const string DashboardResourceName = "aspire-dashboard";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "breakoutbot-it-" + Guid.NewGuid().ToString("N"));
    private DistributedApplication? _app;
    private readonly CancellationTokenSource _stopping = new();
    private StackExchange.Redis.ConnectionMultiplexer? _redis;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application has not started.");

    public Uri DashboardUrl { get; private set; } = null!;

    /// <summary>From the start call until every resource reported healthy (informational; see docs/).</summary>
    public TimeSpan TimeToAllHealthy { get; private set; }

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var dashboardPort = FreeLoopbackPort();
        var otlpPort = FreeLoopbackPort();

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.BreakoutBot_AppHost>(
            [
                "--Infrastructure:Mode=Local",
                $"--Infrastructure:DataDirectory={_dataDirectory}",
                "--Infrastructure:EphemeralStorage=true",
                // Twice the default speed (a 5-minute bar every 7.5 s): the seeded market breaks out only now and then,
                // and the tests that wait for a traded signal should see two chances where the default gives one.
                "--Simulator:Speed=" + SimulatorSpeed,
                "--Parameters:api-key-web=" + ConsoleApiKey,
                "--Parameters:console-admin-password=" + ConsoleAdminPassword,
                "--Parameters:api-key-automation=" + AutomationApiKey,
                $"--ASPNETCORE_URLS=http://127.0.0.1:{dashboardPort}",
                $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{otlpPort}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
                "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
            ],
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            },
            timeout.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync(timeout.Token);
        var started = Stopwatch.GetTimestamp();
        await _app.StartAsync(timeout.Token);
        foreach (var name in ResourceNames)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }

        TimeToAllHealthy = Stopwatch.GetElapsedTime(started);
        CaptureResourceLogs();
        var redisConnection = await _app.GetConnectionStringAsync("redis", timeout.Token)
            ?? throw new InvalidOperationException("redis has no connection string");
        _redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redisConnection);
        // Testing randomizes ports, the dashboard's too: ask the app model where it ended up.
        DashboardUrl = _app.GetEndpoint(DashboardResourceName, "http");
    }

    /// <summary>Where each resource's console output is written while the tests run (one file per resource).</summary>
    public static readonly string LogDirectory = Path.Combine(AppContext.BaseDirectory, "artifacts", "logs");

    /// <summary>The last lines a resource wrote (for failure messages).</summary>
    public static string LogTail(string resource, int lines) =>
        ReadLog(resource) is { } log ? string.Join('\n', log.Split('\n').TakeLast(lines)) : $"(no log of {resource})";

    /// <summary>The resource's captured log so far (it is still being written), or null when there is none.</summary>
    private static string? ReadLog(string resource)
    {
        var path = Path.Combine(LogDirectory, resource + ".log");
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The last <paramref name="entries"/> log entries of <paramref name="resource"/> written by our own code (framework
    /// entries such as every SQL command left out), each cut to its first lines: what a failure message needs.
    /// </summary>
    public static string OwnLogTail(string resource, int entries)
    {
        if (ReadLog(resource) is not { } log)
        {
            return $"(no log of {resource})";
        }

        var grouped = new List<List<string>>();
        foreach (var line in log.Split('\n'))
        {
            // "2026-12-08T03:11:29.3380000Z info: Category[id]" begins an entry; indented lines continue it.
            var content = line.Length > 29 && line[10] == 'T' && line[28] == ' ' ? line[29..] : line;
            if (content.Length > 5 && content[4] == ':' && content[..4] is "info" or "warn" or "fail" or "crit" or "dbug" or "trce")
            {
                grouped.Add([line]);
            }
            else if (grouped.Count > 0)
            {
                grouped[^1].Add(line);
            }
        }

        var own = grouped.Where(entry => !entry[0].Contains(" Microsoft.", StringComparison.Ordinal) && !entry[0].Contains(" System.", StringComparison.Ordinal));
        return string.Join('\n', own.TakeLast(entries).Select(entry => string.Join('\n', entry.Take(4))));
    }

    /// <summary>A connection to the application's Redis (opened at start, shared by the tests).</summary>
    public Task<StackExchange.Redis.ConnectionMultiplexer> RedisAsync() =>
        Task.FromResult(_redis ?? throw new InvalidOperationException("The application has not started."));

    /// <summary>
    /// Starts the engine unless it runs or is starting: tests stop, kill and reset it, and the scanner emits signals (the
    /// executor trades them) only while it runs. An engine in Emergency (a test's kill, or the preset's own kill switch:
    /// the simulated market can deal five losses in a row) has its kill switch reset first. Tests that wait for trading
    /// call this on every poll, so a kill switch tripping mid-wait does not end the wait's trading.
    /// </summary>
    public async Task EnsureEngineRunningAsync()
    {
        var redis = await RedisAsync();
        var stored = await redis.GetDatabase().StringGetAsync(RedisKeys.EngineState);
        var state = stored.HasValue ? JsonDocument.Parse(stored.ToString()).RootElement.GetProperty("state").GetString() : null;
        if (state is "Running" or "Starting")
        {
            return;
        }

        var publisher = new RedisStreamPublisher(redis, TimeProvider.System);
        if (state == "Emergency")
        {
            var reset = new EngineCommand(Guid.NewGuid().ToString("N"), EngineCommandKind.ResetKillSwitch, DateTimeOffset.UtcNow, "integration-test");
            await publisher.PublishAsync(StreamNames.Commands, reset, reset.CommandId);
        }

        var start = new EngineCommand(Guid.NewGuid().ToString("N"), EngineCommandKind.Start, DateTimeOffset.UtcNow, "integration-test");
        await publisher.PublishAsync(StreamNames.Commands, start, start.CommandId);
    }

    /// <summary>
    /// Why no position opened, for a failure message: the engine state and the newest signals with their outcomes and
    /// reasons (as the executor booked them).
    /// </summary>
    public async Task<string> DescribeRecentSignalsAsync()
    {
        var engine = (await (await RedisAsync()).GetDatabase().StringGetAsync(RedisKeys.EngineState)).ToString();
        var logs = new List<string>
        {
            "scanner log, last entries of our own:", OwnLogTail("scanner", 15),
            "executor log, last entries of our own:", OwnLogTail("executor", 40),
        };
        await using var database = new Npgsql.NpgsqlConnection(await App.GetConnectionStringAsync("breakoutdb"));
        await database.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT received_at, symbol, side::text, outcome, COALESCE(reason, '') FROM signals ORDER BY received_at DESC LIMIT 15", database);
        await using var reader = await query.ExecuteReaderAsync();
        // The summary goes last: a CI log that keeps only the end of a long message still shows it.
        var lines = new List<string>(logs) { "engine: " + engine };
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetFieldValue<DateTimeOffset>(0):O} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetString(4)}");
        }

        if (lines.Count == logs.Count + 1)
        {
            lines.Add("no signal received");
        }

        var redis = (await RedisAsync()).GetDatabase();
        var newest = await redis.StreamRangeAsync(StreamNames.Signals, "-", "+", count: 1, messageOrder: StackExchange.Redis.Order.Descending);
        lines.Add($"signals stream: {await redis.StreamLengthAsync(StreamNames.Signals)} entries, newest {(newest.Length > 0 ? newest[0].Id.ToString() : "none")}");
        lines.Add("scanner status: " + (await redis.StringGetAsync(RedisKeys.ScannerStatus)).ToString());
        return string.Join(Environment.NewLine, lines);
    }

    private void CaptureResourceLogs()
    {
        Directory.CreateDirectory(LogDirectory);
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources.Where(resource => ResourceNames.Contains(resource.Name)))
        {
            var name = resource.Name;
            _ = Task.Run(async () =>
            {
                await using var file = new StreamWriter(new FileStream(Path.Combine(LogDirectory, name + ".log"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
                try
                {
                    await foreach (var batch in logs.WatchAsync(resource).WithCancellation(_stopping.Token))
                    {
                        foreach (var line in batch)
                        {
                            await file.WriteLineAsync(line.Content);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // The application stops.
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
