namespace BreakoutBot.Domain.Positions;

/// <summary>What one closed bar did to a position: its next state, the exits it caused, and a stop move for the next bar.</summary>
public sealed record BarOutcome(ManagedPosition Position, IReadOnlyList<PositionExit> Exits, StopMove? StopMove);
