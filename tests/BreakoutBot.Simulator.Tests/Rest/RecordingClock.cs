namespace BreakoutBot.Simulator.Tests.Rest;

/// <summary>The system clock, recording every one-shot wait of up to a few seconds (back-offs, rate-limit waits).</summary>
internal sealed class RecordingClock : TimeProvider
{
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
            {
                return [.. _waits];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime <= TimeSpan.FromSeconds(6) && period == Timeout.InfiniteTimeSpan)
        {
            lock (_waits)
            {
                _waits.Add(dueTime);
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
