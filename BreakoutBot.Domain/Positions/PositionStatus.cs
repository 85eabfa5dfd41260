namespace BreakoutBot.Domain.Positions;

/// <summary>Where a position is in its life. Every position ends in <see cref="Closed"/>, through exit orders with fills.</summary>
public enum PositionStatus
{
    /// <summary>The entry order is working; nothing is filled yet.</summary>
    PendingEntry,

    /// <summary>Filled; the full quantity is open.</summary>
    Open,

    /// <summary>Some of the quantity has been closed (take-profit or manual), the rest is open.</summary>
    PartiallyClosed,

    /// <summary>Nothing is open any more.</summary>
    Closed,
}
