using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Scanning;

namespace BreakoutBot.Domain.Tests.Scanning;

/// <summary>Hand-built market data for the scanning tests: candles, books, trades and tickers with round numbers.</summary>
internal static class ScanningTestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static InstrumentSymbol Eth { get; } = InstrumentSymbol.Parse("ETHUSDT");

    public static InstrumentSymbol Btc { get; } = InstrumentSymbol.Parse("BTCUSDT");

    /// <summary>Closed candles from <see cref="Start"/>: open = close, high/low = close ± <paramref name="halfRange"/>.</summary>
    public static List<Candle> Candles(CandleInterval interval, IReadOnlyList<decimal> closes, IReadOnlyList<decimal>? volumes = null, decimal halfRange = 1m)
    {
        var candles = new List<Candle>(closes.Count);
        var open = Start;
        for (var i = 0; i < closes.Count; i++)
        {
            var close = closes[i];
            var volume = volumes?[i] ?? 1m;
            candles.Add(new Candle(interval, open, close, close + halfRange, close - halfRange, close, volume, volume * close, isClosed: true));
            open = interval.NextOpenTime(open);
        }

        return candles;
    }

    /// <summary>5 m candles at a flat price of 100 with the given volumes.</summary>
    public static List<Candle> FiveMinuteVolumes(IReadOnlyList<decimal> volumes) =>
        Candles(CandleInterval.FiveMinutes, [.. Enumerable.Repeat(100m, volumes.Count)], volumes);

    /// <summary>The moment the last of <paramref name="candles"/> has closed.</summary>
    public static DateTimeOffset AfterLast(IReadOnlyList<Candle> candles) => candles[^1].CloseTime;

    public static OrderBookSnapshot Book(IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks, DateTimeOffset? time = null) =>
        new(Eth, bids, asks, time ?? Start);

    public static Trade Trade(DateTimeOffset time, bool isBlockTrade = false, string id = "t") =>
        new(Eth, id, time, 100m, 1m, TakerSide.Buy, isBlockTrade);

    public static Ticker Ticker(decimal turnover24h = 50_000_000m, decimal openInterest = 1_200m, decimal openInterestValue = 10_000_000m) => new()
    {
        Symbol = Eth,
        Time = Start,
        LastPrice = 100m,
        MarkPrice = 100m,
        IndexPrice = 100m,
        HighPrice24h = 110m,
        LowPrice24h = 90m,
        Volume24h = 500_000m,
        Turnover24h = turnover24h,
        PriceChange24hFraction = 0.01m,
        OpenInterest = openInterest,
        OpenInterestValue = openInterestValue,
    };

    public static MarketMetricsInput Input(IReadOnlyList<Candle> candles, DateTimeOffset? now = null) => new()
    {
        Symbol = Eth,
        Now = now ?? (candles.Count > 0 ? AfterLast(candles) : Start),
        Candles = candles,
    };

    public static LiquidityFilters Liquidity(decimal? minOiUsd = 2_000_000m) => new()
    {
        Min24hVolumeUsd = 5_000_000m,
        MinOiUsd = minOiUsd,
        MaxSpreadBps = 30m,
        MinDepthUsd0_5Pct = 8_000m,
        MinDepthUsd0_3Pct = 5_000m,
        MinTradesPerMinute = 3m,
    };

    public static VolatilityFilters Volatility(decimal? oiDeltaThreshold = 0.02m) => new()
    {
        AtrRangeMin = 0.01m,
        AtrRangeMax = 0.05m,
        BbWidthPercentileMax = 50m,
        VolumeSurge1hMin = 1.2m,
        VolumeSurge5mMin = 1.5m,
        OiDeltaThreshold = oiDeltaThreshold,
    };

    /// <summary>Metrics that pass <see cref="Liquidity"/> and <see cref="Volatility"/> with room to spare.</summary>
    public static MarketMetrics PassingMetrics(InstrumentSymbol? symbol = null) => new()
    {
        Symbol = symbol ?? Eth,
        EvaluatedAt = Start,
        LastClose = 100m,
        Turnover24hUsd = 50_000_000m,
        OpenInterestUsd = 10_000_000m,
        OpenInterestChangeFraction = -0.05,
        SpreadBps = 2m,
        Depth0_3Pct = new BookDepth(100m, 100m, 10_000m, 10_000m),
        Depth0_5Pct = new BookDepth(200m, 200m, 20_000m, 20_000m),
        BookImbalance = 0.1m,
        TradesPerMinute = 12,
        AtrToPrice = 0.03,
        BollingerWidthPercentile = 20,
        VolumeSurge1h = 1.5,
        VolumeSurge5m = 2.5,
        BtcCorrelation = 0.5,
        MomentumFraction = 0.01,
    };

    public static ScannerConfig Scanner(int maxCandidates = 10, params (ScoreComponent Component, decimal Weight)[] weights) => new()
    {
        MaxCandidates = maxCandidates,
        ScanIntervalSeconds = 60,
        ScoreWeights = weights.ToDictionary(pair => pair.Component, pair => pair.Weight),
    };

    public static InstrumentSymbol Symbol(string name) => InstrumentSymbol.Parse(name);
}
