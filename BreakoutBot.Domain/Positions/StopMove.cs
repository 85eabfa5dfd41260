namespace BreakoutBot.Domain.Positions;

/// <summary>The stop moved (only ever towards profit): from where, to where, and as what.</summary>
public sealed record StopMove(decimal From, decimal To, StopKind Kind);
