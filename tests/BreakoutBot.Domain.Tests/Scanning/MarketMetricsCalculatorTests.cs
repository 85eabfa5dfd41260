using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class MarketMetricsCalculatorTests
{
    private const double Tolerance = 1e-12;

    /// <summary>When a one-candle 5 m series starting at <see cref="Start"/> has closed.</summary>
    private static readonly DateTimeOffset FirstBarClosed = Start.AddMinutes(5);

    [Fact]
    public void TradesPerMinute_TradesInAndOutOfWindow_CountsOnlyOrdinaryTradesInWindow()
    {
        var now = Start.AddHours(1);
        Trade[] trades =
        [
            Trade(now.AddMinutes(-6)),             // before the window
            Trade(now.AddMinutes(-5)),             // on the open boundary: excluded
            Trade(now.AddMinutes(-4).AddSeconds(-59)),
            Trade(now.AddMinutes(-1)),
            Trade(now.AddSeconds(-30), isBlockTrade: true),
            Trade(now),                            // on the closed boundary: included
            Trade(now.AddSeconds(1)),              // after now
        ];

        var tpm = MarketMetricsCalculator.TradesPerMinute(trades, now, TimeSpan.FromMinutes(5));

        // 3 trades over 5 minutes.
        Assert.Equal(0.6, tpm!.Value, Tolerance);
    }

    [Fact]
    public void TradesPerMinute_WatchedButNothingTraded_IsZero()
    {
        Assert.Equal(0d, MarketMetricsCalculator.TradesPerMinute([], Start, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Compute_TradeFeedYoungerThanWindow_TradesPerMinuteIsNull()
    {
        var candles = Candles(CandleInterval.FiveMinutes, [100m]);
        var now = AfterLast(candles);
        var input = Input(candles) with { RecentTrades = [Trade(now.AddSeconds(-10))], TradesCompleteSince = now.AddMinutes(-2) };

        Assert.Null(MarketMetricsCalculator.Compute(input).TradesPerMinute);
        Assert.Equal(0.2, MarketMetricsCalculator.Compute(input with { TradesCompleteSince = now.AddMinutes(-5) }).TradesPerMinute);
    }

    [Fact]
    public void Compute_MixedIntervals_Throws()
    {
        var candles = Candles(CandleInterval.FiveMinutes, [100m, 101m]);
        candles.Add(new Candle(CandleInterval.FifteenMinutes, candles[^1].CloseTime, 100m, 101m, 99m, 100m, 1m, 100m, isClosed: true));

        Assert.Throws<ArgumentException>(() => MarketMetricsCalculator.Compute(Input(candles)));
    }

    [Fact]
    public void Compute_NoTrades_TradesPerMinuteIsNull()
    {
        var metrics = MarketMetricsCalculator.Compute(Input(Candles(CandleInterval.FiveMinutes, [100m])));

        Assert.Null(metrics.TradesPerMinute);
    }

    [Fact]
    public void Compute_TwoSidedBook_SpreadDepthAndImbalanceFromLevels()
    {
        var book = Book(
            bids: [new(99.9m, 10m), new(99.7m, 5m), new(99.5m, 2m), new(99.0m, 100m)],
            asks: [new(100.1m, 10m), new(100.3m, 5m), new(100.5m, 2m), new(101.0m, 100m)],
            time: FirstBarClosed);
        var input = Input(Candles(CandleInterval.FiveMinutes, [100m])) with { OrderBook = book };

        var metrics = MarketMetricsCalculator.Compute(input);

        // Mid 100, spread 0.2 → 20 bps.
        Assert.Equal(20m, metrics.SpreadBps);
        // 0.3 %: bids ≥ 99.9 × 0.997 = 99.6003 (99.9, 99.7); asks ≤ 100.1 × 1.003 = 100.4003 (100.1, 100.3).
        Assert.Equal(new BookDepth(15m, 15m, 999m + 498.5m, 1001m + 501.5m), metrics.Depth0_3Pct);
        // 0.5 %: bids ≥ 99.4005 add 99.5 × 2; asks ≤ 100.6005 add 100.5 × 2.
        Assert.Equal(new BookDepth(17m, 17m, 1696.5m, 1703.5m), metrics.Depth0_5Pct);
        // Notional over all four levels: bids 11596.5, asks 11803.5.
        Assert.Equal((11_596.5m - 11_803.5m) / (11_596.5m + 11_803.5m), metrics.BookImbalance);
    }

    [Fact]
    public void Compute_CrossedBook_BookMetricsAreNull()
    {
        var book = Book(bids: [new(100.2m, 1m)], asks: [new(100.1m, 1m)], FirstBarClosed);
        var input = Input(Candles(CandleInterval.FiveMinutes, [100m])) with { OrderBook = book };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.Null(metrics.SpreadBps);
        Assert.Null(metrics.Depth0_3Pct);
        Assert.Null(metrics.Depth0_5Pct);
        Assert.Null(metrics.BookImbalance);
    }

    [Fact]
    public void Compute_BookOlderThanMaxAge_BookMetricsAreNull()
    {
        var book = Book(bids: [new(99.9m, 1m)], asks: [new(100.1m, 1m)], FirstBarClosed.AddSeconds(-61));
        var input = Input(Candles(CandleInterval.FiveMinutes, [100m])) with { OrderBook = book };

        Assert.Null(MarketMetricsCalculator.Compute(input).SpreadBps);
        Assert.Equal(20m, MarketMetricsCalculator.Compute(input with { OrderBook = Book(book.Bids, book.Asks, FirstBarClosed.AddSeconds(-60)) }).SpreadBps);
    }

    [Fact]
    public void Compute_BookOfAnotherSymbol_Throws()
    {
        var book = new OrderBookSnapshot(Btc, [new(99.9m, 1m)], [new(100.1m, 1m)], FirstBarClosed);
        var input = Input(Candles(CandleInterval.FiveMinutes, [100m])) with { OrderBook = book };

        Assert.Throws<ArgumentException>(() => MarketMetricsCalculator.Compute(input));
    }

    [Fact]
    public void Compute_OneSidedBook_BookMetricsAreNull()
    {
        var book = Book(bids: [new(99.9m, 1m)], asks: [], FirstBarClosed);
        var input = Input(Candles(CandleInterval.FiveMinutes, [100m])) with { OrderBook = book };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.Null(metrics.SpreadBps);
        Assert.Null(metrics.Depth0_5Pct);
    }

    [Fact]
    public void Compute_NoInputsButCandles_EveryOtherMetricIsNull()
    {
        var metrics = MarketMetricsCalculator.Compute(Input(Candles(CandleInterval.FifteenMinutes, [100m, 101m])));

        Assert.Equal(101m, metrics.LastClose);
        Assert.Null(metrics.Turnover24hUsd);
        Assert.Null(metrics.OpenInterestUsd);
        Assert.Null(metrics.OpenInterestChangeFraction);
        Assert.Null(metrics.SpreadBps);
        Assert.Null(metrics.Depth0_3Pct);
        Assert.Null(metrics.BookImbalance);
        Assert.Null(metrics.TradesPerMinute);
        Assert.Null(metrics.AtrToPrice);
        Assert.Null(metrics.BollingerWidthPercentile);
        Assert.Null(metrics.VolumeSurge1h);
        Assert.Null(metrics.VolumeSurge5m);
        Assert.Null(metrics.BtcCorrelation);
        Assert.Null(metrics.MomentumFraction);
    }

    [Fact]
    public void Compute_NoCandles_CandleMetricsAreNull()
    {
        var metrics = MarketMetricsCalculator.Compute(Input([], Start) with { Ticker = Ticker() });

        Assert.Null(metrics.LastClose);
        Assert.Null(metrics.AtrToPrice);
        Assert.Equal(50_000_000m, metrics.Turnover24hUsd);
    }

    [Fact]
    public void Compute_Ticker_TurnoverAndOpenInterestValue()
    {
        var input = Input(Candles(CandleInterval.FiveMinutes, [100m])) with { Ticker = Ticker(turnover24h: 12_345_678m, openInterestValue: 9_876_543m) };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.Equal(12_345_678m, metrics.Turnover24hUsd);
        Assert.Equal(9_876_543m, metrics.OpenInterestUsd);
    }

    [Fact]
    public void Compute_ConstantTrueRange_AtrToPriceIsRangeOverClose()
    {
        // Every bar: close 100, high 101, low 99 → TR 2 → ATR(14) = 2 → 2 / 100. ATR(14) needs 15 bars.
        var candles = Candles(CandleInterval.FifteenMinutes, [.. Enumerable.Repeat(100m, 15)]);

        var metrics = MarketMetricsCalculator.Compute(Input(candles));

        Assert.Equal(0.02, metrics.AtrToPrice!.Value, Tolerance);
    }

    [Fact]
    public void Compute_FewerBarsThanAtrNeeds_AtrToPriceIsNull()
    {
        var candles = Candles(CandleInterval.FifteenMinutes, [.. Enumerable.Repeat(100m, 14)]);

        Assert.Null(MarketMetricsCalculator.Compute(Input(candles)).AtrToPrice);
    }

    [Fact]
    public void Compute_OpenCandleAndCandleClosingAfterNow_AreIgnored()
    {
        var candles = Candles(CandleInterval.FifteenMinutes, [.. Enumerable.Repeat(100m, 15)]);
        var now = AfterLast(candles);
        var last = candles[^1];
        candles.Add(new Candle(CandleInterval.FifteenMinutes, last.CloseTime, 100m, 150m, 50m, 120m, 1m, 1m, isClosed: false));

        var metrics = MarketMetricsCalculator.Compute(Input(candles, now));

        Assert.Equal(0.02, metrics.AtrToPrice!.Value, Tolerance);
        Assert.Equal(100m, metrics.LastClose);
    }

    [Fact]
    public void Compute_CandlesOutOfOrder_Throws()
    {
        var candles = Candles(CandleInterval.FifteenMinutes, [100m, 101m, 102m]);
        (candles[0], candles[1]) = (candles[1], candles[0]);

        Assert.Throws<ArgumentException>(() => MarketMetricsCalculator.Compute(Input(candles, AfterLast(candles).AddHours(1))));
    }

    [Theory]
    // Period-2 bands: width = 2·|Δclose| / mean. Closes 100, 101, 103, 102, 102.5 → widths 0.0199, 0.0392, 0.0195,
    // 0.0098 (current, the lowest of the last four): (0 below + ½ equal) / 4 = 12.5.
    [InlineData(102.5, 12.5)]
    // Last close 100 instead: widths 0.0199, 0.0392, 0.0195, 0.0396 (current, the highest): (3 + ½) / 4 = 87.5.
    [InlineData(100, 87.5)]
    public void Compute_BollingerWidths_CurrentWidthRankedAmongLookback(double lastClose, double expectedPercentile)
    {
        var candles = Candles(CandleInterval.FifteenMinutes, [100m, 101m, 103m, 102m, (decimal)lastClose]);
        var options = new MarketMetricsOptions { BollingerPeriod = 2, BollingerWidthLookback = 4 };

        var metrics = MarketMetricsCalculator.Compute(Input(candles), options);

        Assert.Equal(expectedPercentile, metrics.BollingerWidthPercentile!.Value, Tolerance);
    }

    [Fact]
    public void Compute_FewerWidthsThanLookback_BollingerPercentileIsNull()
    {
        var candles = Candles(CandleInterval.FifteenMinutes, [100m, 101m, 103m, 102m]);
        var options = new MarketMetricsOptions { BollingerPeriod = 2, BollingerWidthLookback = 4 };

        Assert.Null(MarketMetricsCalculator.Compute(Input(candles), options).BollingerWidthPercentile);
    }

    [Fact]
    public void Compute_FiveMinuteVolumes_SurgeIsLastOverMedianOfPrevious20()
    {
        // Previous 20 volumes 1..20 → median 10.5; last 21 → 2.
        var candles = FiveMinuteVolumes([.. Enumerable.Range(1, 21).Select(v => (decimal)v)]);

        var metrics = MarketMetricsCalculator.Compute(Input(candles));

        Assert.Equal(2.0, metrics.VolumeSurge5m!.Value, Tolerance);
    }

    [Fact]
    public void Compute_FiveMinuteSeriesGivenSeparately_IsUsedForSurges()
    {
        var fiveMinute = FiveMinuteVolumes([.. Enumerable.Range(1, 21).Select(v => (decimal)v)]);
        var hourly = Candles(CandleInterval.OneHour, [100m]);
        var input = Input(hourly, AfterLast(fiveMinute)) with { FiveMinuteCandles = fiveMinute };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.Equal(2.0, metrics.VolumeSurge5m!.Value, Tolerance);
    }

    [Fact]
    public void Compute_NoFiveMinuteSeries_SurgesAreNull()
    {
        var hourly = Candles(CandleInterval.OneHour, [.. Enumerable.Repeat(100m, 30)]);

        var metrics = MarketMetricsCalculator.Compute(Input(hourly));

        Assert.Null(metrics.VolumeSurge5m);
        Assert.Null(metrics.VolumeSurge1h);
    }

    [Fact]
    public void Compute_TwoHoursOfFiveMinuteVolumes_HourSurgeIsRatioOfMedians()
    {
        // Previous hour 1..12 → median 6.5; last hour all 13 → 2.
        decimal[] volumes = [.. Enumerable.Range(1, 12).Select(v => (decimal)v), .. Enumerable.Repeat(13m, 12)];

        var metrics = MarketMetricsCalculator.Compute(Input(FiveMinuteVolumes(volumes)));

        Assert.Equal(2.0, metrics.VolumeSurge1h!.Value, Tolerance);
    }

    [Fact]
    public void Compute_MissingFiveMinuteBar_SurgesAreNull()
    {
        var candles = FiveMinuteVolumes([.. Enumerable.Range(1, 30).Select(v => (decimal)v)]);
        candles.RemoveAt(25);

        var metrics = MarketMetricsCalculator.Compute(Input(candles));

        Assert.Null(metrics.VolumeSurge5m);
        Assert.Null(metrics.VolumeSurge1h);
    }

    [Fact]
    public void Compute_ZeroMedianVolume_SurgeIsNullNotInfinite()
    {
        decimal[] volumes = [.. Enumerable.Repeat(0m, 20), 5m];

        Assert.Null(MarketMetricsCalculator.Compute(Input(FiveMinuteVolumes(volumes))).VolumeSurge5m);
    }

    [Fact]
    public void Compute_BtcSeriesIdenticalToSymbol_CorrelationIsOne()
    {
        var closes = Wave(60);
        var candles = Candles(CandleInterval.FiveMinutes, closes);
        var input = Input(candles) with { BtcCandles = Candles(CandleInterval.FiveMinutes, closes) };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.Equal(1.0, metrics.BtcCorrelation!.Value, 1e-9);
    }

    [Fact]
    public void Compute_BtcMovingInverselyInLogTerms_CorrelationIsMinusOne()
    {
        var closes = Wave(60);
        var inverse = closes.Select(close => Math.Round(1_000_000m / close, 10)).ToArray();
        var input = Input(Candles(CandleInterval.FiveMinutes, closes, halfRange: 0m))
            with { BtcCandles = Candles(CandleInterval.FiveMinutes, inverse, halfRange: 0m) };

        Assert.Equal(-1.0, MarketMetricsCalculator.Compute(input).BtcCorrelation!.Value, 1e-9);
    }

    [Fact]
    public void Compute_BtcBarMissing_PairsByOpenTimeAndStillMatches()
    {
        var closes = Wave(60);
        var btc = Candles(CandleInterval.FiveMinutes, closes);
        btc.RemoveAt(40);
        var input = Input(Candles(CandleInterval.FiveMinutes, closes)) with { BtcCandles = btc };

        Assert.Equal(1.0, MarketMetricsCalculator.Compute(input).BtcCorrelation!.Value, 1e-9);
    }

    [Fact]
    public void Compute_TooFewPairedReturns_CorrelationIsNull()
    {
        var closes = Wave(20); // 19 returns, fewer than the default minimum of 20
        var input = Input(Candles(CandleInterval.FiveMinutes, closes)) with { BtcCandles = Candles(CandleInterval.FiveMinutes, closes) };

        Assert.Null(MarketMetricsCalculator.Compute(input).BtcCorrelation);
    }

    [Fact]
    public void Compute_FlatSymbol_CorrelationIsNullNotZero()
    {
        var input = Input(Candles(CandleInterval.FiveMinutes, [.. Enumerable.Repeat(100m, 60)]))
            with { BtcCandles = Candles(CandleInterval.FiveMinutes, Wave(60)) };

        Assert.Null(MarketMetricsCalculator.Compute(input).BtcCorrelation);
    }

    [Fact]
    public void Compute_BtcCandlesOfAnotherInterval_Throws()
    {
        var input = Input(Candles(CandleInterval.FiveMinutes, Wave(30))) with { BtcCandles = Candles(CandleInterval.OneHour, Wave(30)) };

        Assert.Throws<ArgumentException>(() => MarketMetricsCalculator.Compute(input));
    }

    [Fact]
    public void Compute_OpenInterestHistory_ChangeAgainstSampleAtLeastWindowOld()
    {
        var candles = Candles(CandleInterval.OneHour, [100m]);
        var now = AfterLast(candles);
        OpenInterestSample[] history =
        [
            new(now.AddHours(-30), 900m),
            new(now.AddHours(-25), 1_000m),
            new(now.AddHours(-23), 1_100m),
        ];
        var input = Input(candles, now) with { OpenInterestHistory = history, Ticker = Ticker(openInterest: 1_200m) };

        var metrics = MarketMetricsCalculator.Compute(input);

        // (1200 − 1000) / 1000.
        Assert.Equal(0.2, metrics.OpenInterestChangeFraction!.Value, Tolerance);
    }

    [Fact]
    public void Compute_OpenInterestWithoutTicker_UsesLatestSample()
    {
        var candles = Candles(CandleInterval.OneHour, [100m]);
        var now = AfterLast(candles);
        OpenInterestSample[] history = [new(now.AddHours(-24), 1_000m), new(now.AddMinutes(-5), 900m), new(now.AddMinutes(5), 5_000m)];

        var metrics = MarketMetricsCalculator.Compute(Input(candles, now) with { OpenInterestHistory = history });

        Assert.Equal(-0.1, metrics.OpenInterestChangeFraction!.Value, Tolerance);
    }

    [Fact]
    public void Compute_OpenInterestHistoryShorterThanWindow_ChangeIsNull()
    {
        var candles = Candles(CandleInterval.OneHour, [100m]);
        var now = AfterLast(candles);
        OpenInterestSample[] history = [new(now.AddHours(-23), 1_000m)];

        var metrics = MarketMetricsCalculator.Compute(Input(candles, now) with { OpenInterestHistory = history, Ticker = Ticker() });

        Assert.Null(metrics.OpenInterestChangeFraction);
    }

    [Fact]
    public void Compute_LastFiveBars_MomentumFromOpenOfFirstToLastClose()
    {
        var candles = Candles(CandleInterval.FifteenMinutes, [90m, 100m, 101m, 102m, 103m, 110m]);

        var metrics = MarketMetricsCalculator.Compute(Input(candles));

        // The five bars open at 100 (open = close in this data) and the last closes at 110.
        Assert.Equal(0.1, metrics.MomentumFraction!.Value, Tolerance);
    }

    [Fact]
    public void Compute_SameInputsTwice_SameMetrics()
    {
        var closes = Wave(120);
        var candles = Candles(CandleInterval.FiveMinutes, closes, [.. closes.Select(c => c / 10)]);
        var now = AfterLast(candles);
        var input = Input(candles) with
        {
            BtcCandles = Candles(CandleInterval.FiveMinutes, [.. closes.Reverse()]),
            OrderBook = Book([new(99.9m, 10m)], [new(100.1m, 10m)], now),
            RecentTrades = [Trade(now.AddSeconds(-5))],
            Ticker = Ticker(),
            OpenInterestHistory = [new(now.AddDays(-2), 1_000m)],
        };

        var first = MarketMetricsCalculator.Compute(input);
        var second = MarketMetricsCalculator.Compute(input);

        Assert.Equal(first, second);
        Assert.NotNull(first.BollingerWidthPercentile);
        Assert.NotNull(first.BtcCorrelation);
        Assert.NotNull(first.VolumeSurge1h);
    }

    [Fact]
    public void Compute_FullInputsAfterWarmUp_AllocatesLittle()
    {
        var closes = Wave(150);
        var candles = Candles(CandleInterval.FiveMinutes, closes, [.. closes.Select(c => c / 10)]);
        var now = AfterLast(candles);
        var input = Input(candles) with
        {
            BtcCandles = Candles(CandleInterval.FiveMinutes, [.. closes.Reverse()]),
            OrderBook = Book([new(99.9m, 10m), new(99.8m, 3m)], [new(100.1m, 10m), new(100.2m, 4m)], now),
            RecentTrades = [.. Enumerable.Range(0, 300).Select(i => Trade(now.AddSeconds(-i)))],
            Ticker = Ticker(),
            OpenInterestHistory = [new(now.AddDays(-2), 1_000m)],
        };
        MarketMetricsCalculator.Compute(input);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var metrics = MarketMetricsCalculator.Compute(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The indicator state (ATR, Bollinger, a 100-value sorted window) and the result record; no per-bar garbage.
        Assert.InRange(allocated, 1, 8_192);
        Assert.NotNull(metrics.BtcCorrelation);
    }

    [Fact]
    public void Compute_SeriesStoppedUpdating_CandleMetricsAreNullNotStale()
    {
        var closes = Wave(60);
        var candles = Candles(CandleInterval.FiveMinutes, closes, [.. Enumerable.Range(1, 60).Select(v => (decimal)v)]);
        var input = Input(candles, AfterLast(candles).AddMinutes(5)) with { BtcCandles = Candles(CandleInterval.FiveMinutes, closes) };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.Null(metrics.LastClose);
        Assert.Null(metrics.AtrToPrice);
        Assert.Null(metrics.MomentumFraction);
        Assert.Null(metrics.VolumeSurge5m);
        Assert.Null(metrics.VolumeSurge1h);
        Assert.Null(metrics.BtcCorrelation);
    }

    [Fact]
    public void Compute_EvaluatedMidBar_LastClosedBarStillCounts()
    {
        var closes = Wave(60);
        var candles = Candles(CandleInterval.FiveMinutes, closes, [.. Enumerable.Range(1, 60).Select(v => (decimal)v)]);
        var input = Input(candles, AfterLast(candles).AddMinutes(4)) with { BtcCandles = Candles(CandleInterval.FiveMinutes, closes) };

        var metrics = MarketMetricsCalculator.Compute(input);

        Assert.NotNull(metrics.AtrToPrice);
        Assert.NotNull(metrics.VolumeSurge5m);
        Assert.NotNull(metrics.BtcCorrelation);
    }

    [Fact]
    public void Compute_OpenInterestHistoryOutOfOrder_Throws()
    {
        var candles = Candles(CandleInterval.OneHour, [100m]);
        var now = AfterLast(candles);
        OpenInterestSample[] history = [new(now.AddHours(-1), 1_000m), new(now.AddHours(-30), 900m)];

        Assert.Throws<ArgumentException>(() => MarketMetricsCalculator.Compute(Input(candles, now) with { OpenInterestHistory = history }));
    }

    /// <summary>A deterministic, irregular price path around 100 (never constant, always positive).</summary>
    private static decimal[] Wave(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Math.Round(100m + (decimal)(5 * Math.Sin(i * 0.7) + (2 * Math.Cos(i * 1.9))), 4))];
}
