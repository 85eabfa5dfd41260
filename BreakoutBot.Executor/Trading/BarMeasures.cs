using BreakoutBot.Domain.Positions;

namespace BreakoutBot.Executor.Trading;

/// <summary>What the position rules measure at a closed bar: the trailing stop's inputs and the market-driven exits'.</summary>
internal readonly record struct BarMeasures(TrailingInputs Trailing, ExitInputs Market);
