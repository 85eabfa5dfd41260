using BreakoutBot.Domain.Positions;

namespace BreakoutBot.Executor.Trading;

/// <summary>What the position rules measure at a closed bar: the trailing stop's inputs, the market-driven exits' and the add-on's EMA.</summary>
internal readonly record struct BarMeasures(TrailingInputs Trailing, ExitInputs Market, decimal? Ema);
