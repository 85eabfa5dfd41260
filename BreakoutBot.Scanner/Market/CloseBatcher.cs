using System.Threading.Channels;

namespace BreakoutBot.Scanner.Market;

/// <summary>
/// Gathers the closes of one bar across the universe into one evaluation: a bar is released when every tracked symbol
/// has closed it, or when the batch window has passed since its first close (a symbol that does not report in time is
/// evaluated on the next bar). Each bar is released once, in order.
/// </summary>
public sealed class CloseBatcher(TimeSpan batchWindow, TimeProvider clock)
{
    private readonly Channel<ClosedBar> _ready = Channel.CreateUnbounded<ClosedBar>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private DateTimeOffset? _pending;
    private DateTimeOffset _pendingFirstSeen;
    private DateTimeOffset _lastReleased = DateTimeOffset.MinValue;
    private ITimer? _timer;

    /// <summary>Bars ready to evaluate.</summary>
    public ChannelReader<ClosedBar> Ready => _ready.Reader;

    /// <summary>A symbol closed the bar opening at <paramref name="openTime"/>; <paramref name="closedCount"/> of <paramref name="universeSize"/> have.</summary>
    public void OnClose(DateTimeOffset openTime, int closedCount, int universeSize)
    {
        lock (_gate)
        {
            if (openTime <= _lastReleased)
            {
                return;
            }

            if (_pending is { } pending && openTime > pending)
            {
                // A newer bar closed before the older one was released: release the older now.
                ReleaseLocked(pending);
            }

            if (_pending != openTime)
            {
                _pending = openTime;
                _pendingFirstSeen = clock.GetUtcNow();
            }

            if (closedCount >= universeSize)
            {
                ReleaseLocked(openTime);
                return;
            }

            if (_timer is null)
            {
                _timer = clock.CreateTimer(_ => Expire(openTime), null, batchWindow, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Expire(DateTimeOffset openTime)
    {
        lock (_gate)
        {
            if (_pending == openTime)
            {
                ReleaseLocked(openTime);
            }
        }
    }

    private void ReleaseLocked(DateTimeOffset openTime)
    {
        if (openTime <= _lastReleased)
        {
            return;
        }

        _lastReleased = openTime;
        var firstSeen = _pending == openTime ? _pendingFirstSeen : clock.GetUtcNow();
        if (_pending == openTime)
        {
            _pending = null;
            _timer?.Dispose();
            _timer = null;
        }

        _ready.Writer.TryWrite(new ClosedBar(openTime, firstSeen));
    }
}
