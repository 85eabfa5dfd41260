namespace BreakoutBot.Domain.Strategy;

/// <summary>Which entry pattern produced a signal.</summary>
public enum BreakoutStrategy
{
    /// <summary>A closed candle freshly crossed the level with volume and a body in the trade's direction.</summary>
    Momentum,

    /// <summary>Price came back to a level it broke 1-24 h earlier and closed on the breakout side again.</summary>
    Retest,
}
