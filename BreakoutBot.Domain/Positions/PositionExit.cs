namespace BreakoutBot.Domain.Positions;

/// <summary>
/// An exit the position's rules decided: how much, why, and at which price it is expected to fill (the stop or target
/// price, the bar's open when the market gapped through it, or the close for time-based exits). In live trading it
/// becomes a reduce-only order; in a backtest it is the fill. <see cref="RMultiple"/> is measured against the initial risk.
/// </summary>
public sealed record PositionExit(decimal Quantity, decimal Price, ExitReason Reason, string? TakeProfitLevel, DateTimeOffset At, decimal RMultiple);
