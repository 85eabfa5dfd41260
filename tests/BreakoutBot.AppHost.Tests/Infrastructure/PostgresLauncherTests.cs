using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BreakoutBot.AppHost.Infrastructure;
using BreakoutBot.AppHost.Infrastructure.Local;
using Npgsql;

namespace BreakoutBot.AppHost.Tests.Infrastructure;

/// <summary>Runs the real launcher script against this machine's PostgreSQL programs.</summary>
public sealed class PostgresLauncherTests : IDisposable
{
    /// <summary>A guard against hangs only; these tests assert outcomes, not durations.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ScratchDirectory _scratch = new();
    private readonly List<Process> _processes = [];

    [Fact]
    public async Task Launch_NewDirectory_CreatesClusterDatabaseAndPassword()
    {
        var launcher = await StartAsync();

        await using var connection = await OpenAsync(launcher, "breakoutdb");

        Assert.Equal("breakoutdb", connection.Database);
    }

    [Fact]
    public async Task SigTerm_StopsServerCleanly()
    {
        var launcher = await StartAsync();

        await SignalAsync(launcher.Process, "TERM");
        await launcher.Process.WaitForExitAsync(new CancellationTokenSource(Patience).Token);

        Assert.Equal(0, launcher.Process.ExitCode);
        Assert.False(File.Exists(PostmasterPid), "A clean shutdown removes postmaster.pid.");
    }

    [Fact]
    public async Task KilledOutright_ServerFollowsItsLauncher()
    {
        var launcher = await StartAsync();

        launcher.Process.Kill();
        var waited = Stopwatch.StartNew();
        while (File.Exists(PostmasterPid) && waited.Elapsed < Patience)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(File.Exists(PostmasterPid), "The server outlived its launcher.");
    }

    [Fact]
    public async Task Restart_SameDirectory_KeepsPasswordAndData()
    {
        var first = await StartAsync();
        await using (var connection = await OpenAsync(first, "breakoutdb"))
        await using (var create = new NpgsqlCommand("CREATE TABLE kept (id int)", connection))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await SignalAsync(first.Process, "TERM");
        await first.Process.WaitForExitAsync(new CancellationTokenSource(Patience).Token);
        var second = await StartAsync();

        await using var reopened = await OpenAsync(second, "breakoutdb");
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.kept') IS NOT NULL", reopened);
        Assert.True((bool)(await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                // SIGTERM, as the orchestrator sends: a SIGKILL to the whole tree would leave a dirty data directory.
                SignalAsync(process, "TERM").GetAwaiter().GetResult();
                if (!process.WaitForExit(Patience))
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            process.Dispose();
        }

        // The server exits shortly after its launcher (parent-death signal); wait so the directory can go.
        var waited = Stopwatch.StartNew();
        while (File.Exists(PostmasterPid) && waited.Elapsed < Patience)
        {
            Thread.Sleep(100);
        }

        _scratch.Dispose();
    }

    private string PostgresRoot => Path.Combine(_scratch.Path, "postgres");

    private string PostmasterPid => Path.Combine(PostgresRoot, "data", "postmaster.pid");

    private async Task<RunningLauncher> StartAsync()
    {
        var settings = new InfrastructureSettings { Mode = InfrastructureMode.Local, DataDirectory = _scratch.Path, EphemeralStorage = true };
        var binaries = LocalBinaries.Locate(settings, runningAsRoot: Environment.UserName == "root");
        var password = LocalSecretFile.ReadOrCreate(Path.Combine(PostgresRoot, "password"));
        var port = FreeLoopbackPort();

        var start = new ProcessStartInfo(binaries.BashPath, [PostgresLauncherScript.Write(_scratch.Path)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BB_PG_BIN"] = binaries.PostgresBinDirectory;
        start.Environment["BB_PG_ROOT"] = PostgresRoot;
        start.Environment["BB_PG_PASSWORD_FILE"] = Path.Combine(PostgresRoot, "password");
        start.Environment["BB_PG_DATABASES"] = "breakoutdb";
        start.Environment["BB_PG_EPHEMERAL"] = "true";

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        _processes.Add(process);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("run-postgres: ready on port", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                return new RunningLauncher(process, port, password);
            }
        }

        throw new InvalidOperationException($"The launcher exited before it was ready (exit code {process.ExitCode}).");
    }

    private static async Task<NpgsqlConnection> OpenAsync(RunningLauncher launcher, string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = launcher.Port,
            Username = "postgres",
            Password = launcher.Password,
            Database = database,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(CancellationToken.None);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record RunningLauncher(Process Process, int Port, string Password);
}
