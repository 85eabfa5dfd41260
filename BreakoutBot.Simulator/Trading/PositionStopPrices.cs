using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Trading;

/// <summary>A position's take-profit and stop-loss (trading-stop, tpslMode Full); null = not set.</summary>
public sealed record PositionStopPrices(decimal? TakeProfit, decimal? StopLoss, TriggerSource TriggerBy);
