using System.Diagnostics;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>
/// The real executor program (BreakoutBot.Executor.dll from the test output) as a child OS process, so a test can end
/// it the way a crash does: no shutdown hooks, no lease release, sockets closed by the operating system. Its console
/// output goes to a log file and to the test output; the command line is never printed.
/// </summary>
internal sealed class ExecutorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly ITestOutputHelper? _output;
    private readonly Lock _gate = new();
    private bool _closed;

    private ExecutorProcess(Process process, StreamWriter log, ITestOutputHelper? output)
    {
        _process = process;
        _log = log;
        _output = output;
    }

    public string LogPath { get; private init; } = "";

    public bool HasExited => _process.HasExited;

    public static ExecutorProcess Start(string name, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BreakoutBot.Executor.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"breakoutbot-executor-{name}-{Guid.NewGuid():N}.log");
        var process = new Process { StartInfo = start };
        var executor = new ExecutorProcess(process, new StreamWriter(logPath) { AutoFlush = true }, TestContext.Current.TestOutputHelper) { LogPath = logPath };
        process.OutputDataReceived += (_, line) => executor.Write(name, line.Data);
        process.ErrorDataReceived += (_, line) => executor.Write(name, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        executor._output?.WriteLine($"[{name}] executor process {process.Id} started, log {logPath}");
        return executor;
    }

    /// <summary>Ends the process and its children at once, as a crash (or <c>kill -9</c>) would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Write(string name, string? line)
    {
        lock (_gate)
        {
            if (line is null || _closed)
            {
                return;
            }

            _log.WriteLine(line);
            try
            {
                _output?.WriteLine($"[{name}] {line}");
            }
            catch (InvalidOperationException)
            {
                // The test has already finished; the log file still has the line.
            }
        }
    }
}
