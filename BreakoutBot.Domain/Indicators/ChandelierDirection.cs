namespace BreakoutBot.Domain.Indicators;

/// <summary>Which side a Chandelier Exit protects.</summary>
public enum ChandelierDirection
{
    /// <summary>Stop for a long position: highest high − multiplier·ATR.</summary>
    Long,

    /// <summary>Stop for a short position: lowest low + multiplier·ATR.</summary>
    Short,
}
