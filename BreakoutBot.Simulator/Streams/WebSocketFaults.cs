using System.Collections.Concurrent;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// Faults the tests inject into the simulated venue's WebSocket streams: cut every connection, hold every push back,
/// skip an order-book update id. State only; the endpoints are in <see cref="WebSocketFaultsApi"/>.
/// </summary>
public sealed class WebSocketFaults
{
    private readonly ConcurrentDictionary<string, int> _bookGaps = new(StringComparer.Ordinal);
    private long _pushDelayTicks;

    /// <summary>Every frame (data and control) waits this long before it is sent; null sends at once.</summary>
    public TimeSpan? PushDelay
    {
        get => Interlocked.Read(ref _pushDelayTicks) is var ticks && ticks > 0 ? TimeSpan.FromTicks(ticks) : null;
        set => Interlocked.Exchange(ref _pushDelayTicks, value?.Ticks ?? 0);
    }

    /// <summary>The next order-book delta of <paramref name="symbol"/> skips one update id (a gap clients must notice).</summary>
    public void RequestBookGap(string symbol) => _bookGaps.AddOrUpdate(symbol, 1, static (_, count) => count + 1);

    internal bool TakeBookGap(string symbol) =>
        _bookGaps.TryGetValue(symbol, out var count) && count > 0 && _bookGaps.TryUpdate(symbol, count - 1, count);
}
