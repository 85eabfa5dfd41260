using System.Globalization;
using System.Runtime.CompilerServices;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// A one-line progress bar on the terminal's error stream, redrawn at most every whole percent, from a counter of bars
/// read. Silent when the error stream is not an interactive terminal (redirected, or a test's writer).
/// </summary>
internal sealed class ProgressBar(TextWriter terminal, long total, StrongBox<long> done) : IProgress<long>, IDisposable
{
    private const int Width = 30;
    private readonly bool _visible = ReferenceEquals(terminal, Console.Error) && !Console.IsErrorRedirected && total > 0;
    private int _shownPercent = -1;

    public void Report(long value)
    {
        if (!_visible)
        {
            return;
        }

        var percent = (int)Math.Min(100, done.Value * 100 / total);
        if (percent == _shownPercent)
        {
            return;
        }

        _shownPercent = percent;
        var filled = percent * Width / 100;
        terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {done.Value:N0} of {total:N0} bars"));
    }

    public void Finish()
    {
        if (_visible && _shownPercent >= 0)
        {
            terminal.WriteLine();
            _shownPercent = -1;
        }
    }

    public void Dispose() => Finish();
}
