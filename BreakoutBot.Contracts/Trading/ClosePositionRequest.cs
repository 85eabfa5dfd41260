namespace BreakoutBot.Contracts.Trading;

/// <summary>Body of <c>POST /api/trading/positions/{id}/close</c>: the share of the open quantity to close, 1-100.</summary>
public sealed record ClosePositionRequest(decimal Percent);
