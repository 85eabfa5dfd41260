using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Take-profit and stop-loss of a whole position (<c>/v5/position/trading-stop</c>, tpslMode Full). Null leaves a
/// price as it is; zero removes it. The venue closes the position with a reduce-only market order when crossed.
/// </summary>
public sealed record PositionStops(InstrumentSymbol Symbol, decimal? TakeProfit = null, decimal? StopLoss = null, TriggerSource TriggerBy = TriggerSource.MarkPrice);
