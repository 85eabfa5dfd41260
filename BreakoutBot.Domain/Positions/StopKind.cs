namespace BreakoutBot.Domain.Positions;

/// <summary>What the current stop is: the initial one, moved to breakeven, or trailing.</summary>
public enum StopKind
{
    Initial,
    Breakeven,
    Trailing,
}
