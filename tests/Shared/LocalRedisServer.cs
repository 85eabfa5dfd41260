using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace BreakoutBot.Testing;

/// <summary>
/// A real redis-server on a free loopback port for one test assembly (or one test). Without persistence by default;
/// <see cref="Persistent"/> gives it append-only persistence in a temporary directory, as the application's Redis has,
/// so <see cref="RestartAsync"/> keeps its streams and consumer groups. Linked into the test projects that need Redis
/// but not the whole application (xUnit builds assembly fixtures with the parameterless constructor).
/// </summary>
public sealed class LocalRedisServer : IAsyncLifetime
{
    private Process? _process;
    private int _port;
    private string? _directory;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Append-only persistence in a temporary directory (set before <see cref="InitializeAsync"/>).</summary>
    public bool Persistent { get; init; }

    public async ValueTask InitializeAsync()
    {
        _port = FreePort();
        if (Persistent)
        {
            _directory = Path.Combine(Path.GetTempPath(), "bb-redis-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(_directory);
        }

        StartServer();
        ConnectionString = $"127.0.0.1:{_port},abortConnect=false,connectRetry=10";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_port},abortConnect=true,connectTimeout=2000");
                break;
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Stops the server (SIGTERM: a persistent one writes its append-only file first) and starts it again on the same
    /// port: every client's connection breaks and reconnects, as when an orchestrator restarts Redis.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopServerAsync();
        StartServer();

        // Connected is not yet usable: the first commands after a restart can still meet the socket the server is
        // closing or a server loading its append-only file. Done when a PING is answered.
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                if (Connection.IsConnected)
                {
                    await Connection.GetDatabase().PingAsync();
                    return;
                }
            }
            catch (RedisException)
            {
            }

            await Task.Delay(100);
        }
    }

    private void StartServer()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = _directory is null
            ? ["--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            : ["--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", _directory];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (install the redis-server package)");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task StopServerAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        await StopServerAsync();
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
