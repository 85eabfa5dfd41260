namespace BreakoutBot.Bybit.Tests.Resilience;

/// <summary>
/// The system clock, except that every wait up to <see cref="InstantUpTo"/> (back-offs, rate-limit waits) is recorded
/// and then ends at once, so tests assert the delays the client chose without sleeping. With <see cref="Hold"/> those
/// waits never end instead (to test cancellation during a wait).
/// </summary>
internal sealed class InstantDelays : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public TimeSpan InstantUpTo { get; init; } = TimeSpan.FromSeconds(6);

    public bool Hold { get; init; }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime <= TimeSpan.Zero || dueTime > InstantUpTo || period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        lock (_delays)
        {
            _delays.Add(dueTime);
        }

        return base.CreateTimer(callback, state, Hold ? Timeout.InfiniteTimeSpan : TimeSpan.Zero, period);
    }
}
