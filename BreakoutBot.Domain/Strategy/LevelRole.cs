namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// What a level is to the current price. It is always computed from a price (<see cref="HorizontalLevel.RoleAt"/>),
/// never stored: the original bot kept the label of the detection method, so an old "resistance" far below the price
/// still counted as one.
/// </summary>
public enum LevelRole
{
    /// <summary>The level is above the price: a long breaks it upwards.</summary>
    Resistance,

    /// <summary>The level is at or below the price: a short breaks it downwards.</summary>
    Support,
}
