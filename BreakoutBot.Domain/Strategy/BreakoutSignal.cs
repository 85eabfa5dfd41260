using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

/// <summary>An entry the strategy wants: where, which way, where the idea is wrong, and why.</summary>
/// <param name="Id">
/// Deterministic from symbol, strategy, direction, level and candle time, so a replayed candle yields the same id and
/// consumers can drop the duplicate.
/// </param>
/// <param name="LevelPrice">The broken (or retested) level, USDT.</param>
/// <param name="Entry">The executable price: best ask for a long, best bid for a short, the close when no book was given.</param>
/// <param name="Stop">Beyond the level by the ATR buffer, on the instrument's tick, rounded away from the entry.</param>
/// <param name="Confidence">0-1; how clearly each condition passed (see <see cref="SignalEngine"/>).</param>
/// <param name="CandleOpenTime">Open time of the closed candle that produced the signal.</param>
/// <param name="Reasons">The measured conditions, human-readable, for logs and the operator UI.</param>
public sealed record BreakoutSignal(
    string Id,
    InstrumentSymbol Symbol,
    PositionDirection Direction,
    BreakoutStrategy Strategy,
    decimal LevelPrice,
    decimal Entry,
    decimal Stop,
    double Confidence,
    DateTimeOffset CandleOpenTime,
    IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// Correlation of the symbol's closes with BTC's (the scanner's metric), for <c>risk.correlation_limit</c>; null when
    /// unknown. Set by the scanner's close, not by the signal engine (which sees one symbol).
    /// </summary>
    public double? BtcCorrelation { get; init; }

    /// <summary>Price distance from entry to stop: the 1 R the position sizer risks. Always positive.</summary>
    public decimal RiskPerUnit => Math.Abs(Entry - Stop);
}
