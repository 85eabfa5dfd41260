namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Exponential back-off with jitter: attempt n waits between half and all of <c>min(max, first × 2^(n−1))</c>, so
/// many clients cut off together do not come back together. The random source is injected (seed it in tests).
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public ReconnectBackoff(TimeSpan first, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, first);
        ArgumentNullException.ThrowIfNull(random);
        _first = first;
        _max = max;
        _random = random;
    }

    /// <param name="attempt">1 for the first retry after a failure.</param>
    public TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ceiling = _first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(ceiling, _max.TotalMilliseconds);
        double share;
        lock (_gate)
        {
            share = 0.5 + (_random.NextDouble() / 2);
        }

        return TimeSpan.FromMilliseconds(capped * share);
    }
}
