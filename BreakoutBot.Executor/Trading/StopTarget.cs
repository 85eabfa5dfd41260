using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Executor.Trading;

/// <summary>The venue stop one position must have: at <paramref name="Level"/>, covering <paramref name="Quantity"/> (0: none wanted).</summary>
internal readonly record struct StopTarget(string PositionId, InstrumentSymbol Symbol, PositionDirection Direction, decimal Level, decimal Quantity);
