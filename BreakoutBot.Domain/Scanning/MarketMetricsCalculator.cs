using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Computes <see cref="MarketMetrics"/> for one symbol from its candles, book, trades, ticker and open-interest history.
/// Pure and deterministic: time comes from <see cref="MarketMetricsInput.Now"/>. Walks each series once, without LINQ,
/// using stack buffers for the medians and returns so a scan of hundreds of symbols stays cheap.
/// </summary>
public static class MarketMetricsCalculator
{
    private const int BarsPerHourOf5m = 12;
    private const decimal Band0_3PctBps = 30m;
    private const decimal Band0_5PctBps = 50m;
    private const int MaxStackDoubles = 512;
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    /// <exception cref="ArgumentException">A candle series is not oldest first, or is of the wrong interval.</exception>
    public static MarketMetrics Compute(MarketMetricsInput input, MarketMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Candles);
        options ??= MarketMetricsOptions.Default;
        var now = input.Now;
        var candles = input.Candles;
        var (atrToPrice, widthPercentile, lastClose) = Volatility(candles, now, options);
        var fiveMinute = input.FiveMinuteCandles ?? (IsFiveMinuteSeries(candles) ? candles : null);
        var book = UsableBook(input, options.MaxOrderBookAge);

        return new MarketMetrics
        {
            Symbol = input.Symbol,
            EvaluatedAt = now,
            LastClose = lastClose,
            Turnover24hUsd = input.Ticker?.Turnover24h,
            OpenInterestUsd = input.Ticker?.OpenInterestValue,
            OpenInterestChangeFraction = OpenInterestChange(input.Ticker, input.OpenInterestHistory, now, options.OpenInterestChangeWindow),
            SpreadBps = book?.SpreadBps,
            Depth0_3Pct = book?.DepthWithinBpsOfBestPrices(Band0_3PctBps),
            Depth0_5Pct = book?.DepthWithinBpsOfBestPrices(Band0_5PctBps),
            BookImbalance = book?.NotionalImbalance(options.ImbalanceLevels),
            TradesPerMinute = input.TradesCompleteSince > now - options.TradesWindow
                ? null
                : TradesPerMinute(input.RecentTrades, now, options.TradesWindow),
            AtrToPrice = atrToPrice,
            BollingerWidthPercentile = widthPercentile,
            VolumeSurge1h = fiveMinute is null ? null : VolumeSurge1h(fiveMinute, now),
            VolumeSurge5m = fiveMinute is null ? null : VolumeSurge5m(fiveMinute, now, options.VolumeSurge5mWindow),
            BtcCorrelation = input.BtcCandles is null ? null : BtcCorrelation(candles, input.BtcCandles, now, options),
            MomentumFraction = Momentum(candles, now, options.MomentumBars),
        };
    }

    /// <summary>Trades per minute: non-block trades in (now − window, now], divided by the window in minutes.</summary>
    public static double? TradesPerMinute(IReadOnlyList<Trade>? trades, DateTimeOffset now, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (trades is null)
        {
            return null;
        }

        var from = now - window;
        var count = 0;
        for (var i = 0; i < trades.Count; i++)
        {
            var trade = trades[i];
            if (!trade.IsBlockTrade && trade.Time > from && trade.Time <= now)
            {
                count++;
            }
        }

        return count / window.TotalMinutes;
    }

    /// <summary>
    /// The book if it can be measured: both sides present, not crossed (an inconsistent feed, not a market), and
    /// recent enough to describe the market at <see cref="MarketMetricsInput.Now"/>.
    /// </summary>
    private static OrderBookSnapshot? UsableBook(MarketMetricsInput input, TimeSpan maxAge)
    {
        if (input.OrderBook is not { } book)
        {
            return null;
        }

        if (book.Symbol != input.Symbol)
        {
            throw new ArgumentException($"The order book is for {book.Symbol}, the input for {input.Symbol}.", nameof(input));
        }

        return book is { HasBothSides: true, IsCrossed: false } && input.Now - book.Time <= maxAge ? book : null;
    }

    private static bool IsUsable(Candle candle, DateTimeOffset now) => candle.IsClosed && candle.CloseTime <= now;

    /// <summary>
    /// Whether <paramref name="candle"/> is the most recent bar that can have closed by <paramref name="now"/>. A series
    /// that stopped updating would otherwise describe the market as it was hours ago.
    /// </summary>
    private static bool IsLatest(Candle candle, DateTimeOffset now) =>
        candle.Interval.FixedDuration is not { } duration || candle.CloseTime > now - duration;

    private static Ohlcv ToOhlcv(Candle candle) =>
        new((double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume);

    private static bool IsFiveMinuteSeries(IReadOnlyList<Candle> candles) =>
        candles.Count > 0 && candles[0].Interval == CandleInterval.FiveMinutes;

    /// <remarks>
    /// ATR is Wilder-smoothed from the first usable bar, so it depends on where the series starts and is computed over
    /// all of it. Bollinger widths are computed only for the windows the width percentile ranks (see
    /// <see cref="WidthPercentile"/>): the same numbers as from the whole series, at a fraction of the work.
    /// </remarks>
    private static (double? AtrToPrice, double? WidthPercentile, decimal? LastClose) Volatility(
        IReadOnlyList<Candle> candles, DateTimeOffset now, MarketMetricsOptions options)
    {
        var atr = new AverageTrueRange(options.AtrPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BollingerPeriod, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BollingerStandardDeviations, nameof(options));
        var lookback = options.BollingerWidthLookback;
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 1, nameof(options));
        var (usable, previous) = CountUsableOrdered(candles, now);
        if (previous is null || !IsLatest(previous, now))
        {
            return (null, null, null);
        }

        var period = options.BollingerPeriod;
        var closesFrom = Math.Max(0, usable - (lookback + period - 1));
        var closeCount = usable - closesFrom;
        Span<double> closes = closeCount <= MaxStackDoubles ? stackalloc double[closeCount] : new double[closeCount];
        var ordinal = 0;
        for (var i = 0; i < candles.Count; i++)
        {
            var candle = candles[i];
            if (!IsUsable(candle, now))
            {
                continue;
            }

            var bar = ToOhlcv(candle);
            atr.Add(bar);
            if (ordinal >= closesFrom)
            {
                closes[ordinal - closesFrom] = bar.Close;
            }

            ordinal++;
        }

        var atrToPrice = double.IsNaN(atr.Value) ? (double?)null : atr.Value / (double)previous.Close;
        return (atrToPrice, WidthPercentile(closes, closesFrom > 0, candles, now, options), previous.Close);
    }

    /// <summary>
    /// The percentile rank of the last Bollinger width among the last <see cref="MarketMetricsOptions.BollingerWidthLookback"/>
    /// defined widths, from the closes behind them (<paramref name="closes"/>: the last usable closes; <paramref name="truncated"/>
    /// when older closes exist). A width depends only on its own period's closes, so these are the widths, ranked the same
    /// way, that running the bands over the whole series gives.
    /// </summary>
    private static double? WidthPercentile(
        ReadOnlySpan<double> closes, bool truncated, IReadOnlyList<Candle> candles, DateTimeOffset now, MarketMetricsOptions options)
    {
        var period = options.BollingerPeriod;
        var lookback = options.BollingerWidthLookback;
        if (closes.Length < period)
        {
            return null;
        }

        var widthCount = closes.Length - period + 1;
        Span<double> widths = widthCount <= MaxStackDoubles ? stackalloc double[widthCount] : new double[widthCount];
        var defined = 0;
        var currentWidth = double.NaN;
        for (var end = period; end <= closes.Length; end++)
        {
            currentWidth = BollingerBands.WidthOf(closes[(end - period)..end], options.BollingerStandardDeviations);
            if (!double.IsNaN(currentWidth))
            {
                widths[defined++] = currentWidth;
            }
            else if (truncated)
            {
                // An undefined width (a zero mean) lets an older width into the window: rank the whole series instead.
                return FullSeriesWidthPercentile(candles, now, options);
            }
        }

        return defined >= lookback && !double.IsNaN(currentWidth) ? PercentileRank(widths[..defined], currentWidth) : null;
    }

    /// <summary>Checks the usable candles are oldest first and of one interval; returns how many there are and the last.</summary>
    private static (int Count, Candle? Last) CountUsableOrdered(IReadOnlyList<Candle> candles, DateTimeOffset now)
    {
        Candle? previous = null;
        var count = 0;
        for (var i = 0; i < candles.Count; i++)
        {
            var candle = candles[i];
            if (!IsUsable(candle, now))
            {
                continue;
            }

            RequireOrdered(previous, candle, nameof(candles));
            if (previous is not null && candle.Interval != previous.Interval)
            {
                throw new ArgumentException($"Candles mix intervals ({previous.Interval}, {candle.Interval}).", nameof(candles));
            }

            previous = candle;
            count++;
        }

        return (count, previous);
    }

    /// <summary>The width percentile from every usable bar, for the rare series with an undefined width.</summary>
    private static double? FullSeriesWidthPercentile(IReadOnlyList<Candle> candles, DateTimeOffset now, MarketMetricsOptions options)
    {
        var bands = new BollingerBands(options.BollingerPeriod, options.BollingerStandardDeviations);
        var widths = new RollingOrderStatistics(options.BollingerWidthLookback);
        var currentWidth = double.NaN;
        for (var i = 0; i < candles.Count; i++)
        {
            if (IsUsable(candles[i], now))
            {
                bands.Add(ToOhlcv(candles[i]));
                currentWidth = bands.Width;
                if (!double.IsNaN(currentWidth))
                {
                    widths.Add(currentWidth);
                }
            }
        }

        return widths.IsFull && !double.IsNaN(currentWidth) ? widths.PercentileRank(currentWidth) : null;
    }

    /// <summary>As <see cref="RollingOrderStatistics.PercentileRank"/>: the share strictly below plus half the share equal.</summary>
    private static double PercentileRank(ReadOnlySpan<double> values, double value)
    {
        int below = 0, notAbove = 0;
        foreach (var other in values)
        {
            below += other < value ? 1 : 0;
            notAbove += other <= value ? 1 : 0;
        }

        return 100 * (below + ((notAbove - below) / 2d)) / values.Length;
    }

    private static void RequireOrdered(Candle? previous, Candle candle, string paramName)
    {
        if (previous is not null && candle.OpenTime <= previous.OpenTime)
        {
            throw new ArgumentException($"Candles must be oldest first without duplicates; {candle.OpenTime:O} follows {previous.OpenTime:O}.", paramName);
        }
    }

    /// <summary>
    /// Fills <paramref name="volumes"/> with the volumes of the last usable 5 m candles, oldest first, and says whether
    /// they are consecutive bars ending with the latest bar closed by <paramref name="now"/>: a missing bar would make
    /// "the last hour" span more than an hour, and a stale series would report an old surge as current.
    /// </summary>
    private static bool TryLastContiguous5mVolumes(IReadOnlyList<Candle> candles, DateTimeOffset now, Span<double> volumes)
    {
        var filled = 0;
        Candle? later = null;
        for (var i = candles.Count - 1; i >= 0 && filled < volumes.Length; i--)
        {
            var candle = candles[i];
            if (!IsUsable(candle, now))
            {
                continue;
            }

            if (candle.Interval != CandleInterval.FiveMinutes)
            {
                throw new ArgumentException($"The volume surges need 5 m candles; got a {candle.Interval} candle.", nameof(candles));
            }

            if (later is null ? !IsLatest(candle, now) : candle.OpenTime + FiveMinutes != later.OpenTime)
            {
                return false;
            }

            volumes[volumes.Length - 1 - filled] = (double)candle.Volume;
            filled++;
            later = candle;
        }

        return filled == volumes.Length;
    }

    private static double? VolumeSurge1h(IReadOnlyList<Candle> candles, DateTimeOffset now)
    {
        Span<double> volumes = stackalloc double[2 * BarsPerHourOf5m];
        if (!TryLastContiguous5mVolumes(candles, now, volumes))
        {
            return null;
        }

        var previousHour = MedianInPlace(volumes[..BarsPerHourOf5m]);
        var lastHour = MedianInPlace(volumes[BarsPerHourOf5m..]);
        return previousHour > 0 ? lastHour / previousHour : null;
    }

    private static double? VolumeSurge5m(IReadOnlyList<Candle> candles, DateTimeOffset now, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var length = window + 1;
        Span<double> volumes = length <= MaxStackDoubles ? stackalloc double[length] : new double[length];
        if (!TryLastContiguous5mVolumes(candles, now, volumes))
        {
            return null;
        }

        var last = volumes[window];
        var median = MedianInPlace(volumes[..window]);
        return median > 0 ? last / median : null;
    }

    /// <summary>The median of <paramref name="values"/>, sorting them in place (mean of the middle two for an even count).</summary>
    private static double MedianInPlace(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double? OpenInterestChange(Ticker? ticker, IReadOnlyList<OpenInterestSample>? history, DateTimeOffset now, TimeSpan window)
    {
        if (history is null || history.Count == 0)
        {
            return null;
        }

        var referenceTime = now - window;
        decimal? reference = null;
        decimal? latest = null;
        for (var i = 0; i < history.Count; i++)
        {
            var sample = history[i];
            if (i > 0 && sample.Time <= history[i - 1].Time)
            {
                throw new ArgumentException($"Open-interest samples must be oldest first without duplicates; {sample.Time:O} follows {history[i - 1].Time:O}.", nameof(history));
            }

            if (sample.Time <= referenceTime)
            {
                reference = sample.OpenInterest;
            }

            if (sample.Time <= now)
            {
                latest = sample.OpenInterest;
            }
        }

        var current = ticker?.OpenInterest ?? latest;
        if (reference is not { } then || then <= 0 || current is not { } value)
        {
            return null;
        }

        return (double)((value - then) / then);
    }

    private static double? Momentum(IReadOnlyList<Candle> candles, DateTimeOffset now, int bars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bars, 1);
        Candle? last = null;
        var seen = 0;
        for (var i = candles.Count - 1; i >= 0; i--)
        {
            var candle = candles[i];
            if (!IsUsable(candle, now))
            {
                continue;
            }

            if (last is null && !IsLatest(candle, now))
            {
                return null;
            }

            last ??= candle;
            if (++seen == bars)
            {
                return (double)((last.Close - candle.Open) / candle.Open);
            }
        }

        return null;
    }

    /// <summary>
    /// Pearson correlation of log returns, pairing the two series by open time (a bar missing from either is skipped
    /// in both, so each pair of returns spans the same time).
    /// </summary>
    private static double? BtcCorrelation(IReadOnlyList<Candle> candles, IReadOnlyList<Candle> btc, DateTimeOffset now, MarketMetricsOptions options)
    {
        var window = options.CorrelationWindow;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (candles.Count > 0 && btc.Count > 0 && candles[0].Interval != btc[0].Interval)
        {
            throw new ArgumentException($"BTC candles are {btc[0].Interval}, the symbol's are {candles[0].Interval}.", nameof(btc));
        }

        var length = window + 1;
        Span<double> closes = length * 2 <= MaxStackDoubles ? stackalloc double[length * 2] : new double[length * 2];
        var symbolCloses = closes[..length];
        var btcCloses = closes[length..];
        var pairs = 0;
        int i = candles.Count - 1, j = btc.Count - 1;
        while (i >= 0 && j >= 0 && pairs < length)
        {
            var a = candles[i];
            var b = btc[j];
            if (!IsUsable(a, now))
            {
                i--;
            }
            else if (!IsUsable(b, now))
            {
                j--;
            }
            else if (a.OpenTime == b.OpenTime)
            {
                if (pairs == 0 && !IsLatest(a, now))
                {
                    return null;
                }

                // Filled newest first; the returns below are then newest first in both series alike.
                symbolCloses[pairs] = Math.Log((double)a.Close);
                btcCloses[pairs] = Math.Log((double)b.Close);
                pairs++;
                i--;
                j--;
            }
            else if (a.OpenTime > b.OpenTime)
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        var returns = pairs - 1;
        if (returns < options.CorrelationMinReturns || returns < 2)
        {
            return null;
        }

        for (var k = 0; k < returns; k++)
        {
            symbolCloses[k] -= symbolCloses[k + 1];
            btcCloses[k] -= btcCloses[k + 1];
        }

        var correlation = PearsonCorrelation.Of(symbolCloses[..returns], btcCloses[..returns]);
        return double.IsNaN(correlation) ? null : correlation;
    }
}
