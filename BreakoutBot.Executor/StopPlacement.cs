namespace BreakoutBot.Executor;

/// <summary>Where a position's stop-loss is held (see <see cref="ExecutorOptions.StopPlacement"/>).</summary>
public enum StopPlacement
{
    /// <summary>A reduce-only conditional market order resting on the venue.</summary>
    Venue,

    /// <summary>The executor watches the price and sends a reduce-only market order when the stop is crossed.</summary>
    Local,
}
