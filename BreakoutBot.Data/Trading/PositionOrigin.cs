namespace BreakoutBot.Data.Trading;

/// <summary>Where a position came from (the positions table's <c>origin</c> column, stored as the member's name).</summary>
public enum PositionOrigin
{
    /// <summary>Opened by the engine on a signal.</summary>
    Strategy,

    /// <summary>Found on the venue at reconciliation without a record of ours: shown, never traded.</summary>
    External,
}
