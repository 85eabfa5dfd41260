namespace BreakoutBot.Simulator.Tests;

/// <summary>The system clock moved by a fixed offset: a client machine whose clock is wrong.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
