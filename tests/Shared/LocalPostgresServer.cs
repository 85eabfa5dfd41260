using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BreakoutBot.Testing;

/// <summary>
/// A real PostgreSQL server (initdb into a temporary directory, postgres on a free loopback port, fsync off) for one
/// test assembly. As root the programs run as <c>nobody</c> through <c>setpriv</c>, because PostgreSQL refuses root.
/// <see cref="CreateDatabaseAsync"/> gives each test its own database. Linked into the test projects that need it.
/// </summary>
public sealed class LocalPostgresServer : IAsyncLifetime
{
    private const string SuperUser = "postgres";
    private Process? _server;
    private Func<Process>? _startServer;
    private string _root = "";
    private int _port;

    /// <summary>Connection string of the maintenance database <c>postgres</c>.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = SuperUser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var bin = FindBinaries();
        _root = Path.Combine(Path.GetTempPath(), "bb-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(_root, "data");
        var sockets = Path.Combine(_root, "run");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(sockets);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "nobody:nogroup", _root]);
        }

        string[] initdb = [Path.Combine(bin, "initdb"), "--pgdata=" + data, "--username=" + SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"];
        await RunAsync(asRoot ? "setpriv" : initdb[0], asRoot ? DropPrivileges(true, initdb) : initdb[1..]);
        _port = FreePort();
        _startServer = () => StartServer(bin, data, sockets, asRoot);
        await StartAndWaitAsync();
    }

    /// <summary>
    /// Stops the server the way an orchestrator does (fast shutdown: clients are disconnected, what was committed is
    /// kept) and starts it again on the same port and data: every open connection breaks, as in a database failover.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopServerAsync();
        await StartAndWaitAsync();
    }


    private Process StartServer(string bin, string data, string sockets, bool asRoot)
    {
        var start = new ProcessStartInfo(asRoot ? "setpriv" : Path.Combine(bin, "postgres"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var serverArguments = new[]
        {
            "-D", data, "-p", _port.ToString(CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=" + sockets, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=200",
        };
        foreach (var argument in asRoot ? DropPrivileges(true, [Path.Combine(bin, "postgres"), .. serverArguments]) : serverArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    private async Task StartAndWaitAsync()
    {
        _server = _startServer!();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 300 && !_server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task StopServerAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is { HasExited: false })
        {
            // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
            await RunAsync("kill", ["-INT", _server.Id.ToString(CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill(entireProcessTree: true);
            }
        }

        _server?.Dispose();
        _server = null;
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        try
        {
            if (_root.Length > 0)
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static string[] DropPrivileges(bool asRoot, string[] command) =>
        // No --pdeathsig: Linux sends it when the *thread* that forked exits, and .NET forks from pool threads.
        asRoot ? ["--reuid=nobody", "--regid=nogroup", "--clear-groups", .. command] : command;

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await stderr}");
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(path => path, StringComparer.Ordinal).Select(path => Path.Combine(path, "bin"))
            : [];
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return candidates.Concat(fromPath).FirstOrDefault(directory => File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres")))
            ?? throw new InvalidOperationException("PostgreSQL binaries (initdb, postgres) were not found; install postgresql");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
