using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Everything known about one symbol at <see cref="Now"/>. A null input means "not available" and makes the metrics
/// that need it null; an empty <see cref="RecentTrades"/> list means "watched, and nothing traded".
/// </summary>
public sealed record MarketMetricsInput
{
    public required InstrumentSymbol Symbol { get; init; }

    /// <summary>The evaluation time; candles closing after it and trades after it are ignored.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Candles of the configured timeframe, oldest first. Open candles are skipped.</summary>
    public required IReadOnlyList<Candle> Candles { get; init; }

    /// <summary>
    /// 5 m candles, oldest first, for the 1 h and 5 m volume surges. When null and <see cref="Candles"/> are 5 m
    /// candles, those are used.
    /// </summary>
    public IReadOnlyList<Candle>? FiveMinuteCandles { get; init; }

    /// <summary>BTC candles of the same timeframe as <see cref="Candles"/>, for the correlation; paired by open time.</summary>
    public IReadOnlyList<Candle>? BtcCandles { get; init; }

    public OrderBookSnapshot? OrderBook { get; init; }

    /// <summary>Public trades covering at least <see cref="MarketMetricsOptions.TradesWindow"/> before <see cref="Now"/>.</summary>
    public IReadOnlyList<Trade>? RecentTrades { get; init; }

    /// <summary>
    /// Since when <see cref="RecentTrades"/> is complete (e.g. when the trade stream was subscribed); null = complete
    /// for the whole window. A feed younger than the window would under-count, so trades per minute is then null.
    /// </summary>
    public DateTimeOffset? TradesCompleteSince { get; init; }

    public Ticker? Ticker { get; init; }

    /// <summary>Open interest history, oldest first, for the open-interest change.</summary>
    public IReadOnlyList<OpenInterestSample>? OpenInterestHistory { get; init; }
}
