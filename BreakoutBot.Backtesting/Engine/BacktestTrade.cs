using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>
/// One round trip of a backtest. <see cref="NetPnl"/> = <see cref="GrossPnl"/> − <see cref="Fees"/> + <see cref="Funding"/>
/// (funding signed as received), and the trades' net PnL adds up to the account's change exactly.
/// </summary>
/// <param name="ExitPrice">Quantity-weighted price of every exit (take-profit rungs and the final exit).</param>
/// <param name="RMultiple">Net PnL in units of the risk taken at entry (|entry − initial stop| × quantity).</param>
/// <param name="ExitReason">What closed the last of the position: a stop kind, a rule, a take-profit or <c>EndOfData</c>.</param>
/// <param name="Bars">The trade's bars for its chart: some before the entry, every bar it was open.</param>
public sealed record BacktestTrade(
    InstrumentSymbol Symbol,
    PositionDirection Direction,
    DateTimeOffset EntryTime,
    DateTimeOffset ExitTime,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Quantity,
    decimal InitialStop,
    decimal GrossPnl,
    decimal Fees,
    decimal Funding,
    decimal RMultiple,
    string ExitReason,
    IReadOnlyList<Candle> Bars)
{
    public decimal NetPnl => GrossPnl - Fees + Funding;
}
