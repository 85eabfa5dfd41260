using System.Buffers;
using System.Runtime.InteropServices;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Finds horizontal levels in a candle history: candidates from Donchian bands, swing points and high-volume bars,
/// merged when close together, kept when bars touched them often enough, thinned so kept levels stay apart.
/// </summary>
/// <remarks>
/// Only closed candles are used, so a still-forming bar cannot create or move a level. A level carries no
/// support/resistance label: <see cref="HorizontalLevel.RoleAt"/> derives it from the price at the time of asking.
/// <para>
/// This runs for every symbol on every closed candle, so it works on pooled scratch arrays and computes the
/// indicators it needs inline (Wilder ATR, Donchian bands, swing pivots, volume order statistics) with the very same
/// floating-point operations as <c>BreakoutBot.Domain.Indicators</c>, so the results are bit-for-bit those of the
/// indicator classes. Decimal comparisons that decide merges and touches are kept; a double pre-check only skips the
/// decimal work where the answer is certain by a wide margin.
/// </para>
/// </remarks>
public static class LevelDetector
{
    /// <summary>The levels in <paramref name="candles"/> (oldest first), ordered by price; empty when the history is too short.</summary>
    public static IReadOnlyList<HorizontalLevel> Detect(IReadOnlyList<Candle> candles, LevelDetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(rules);
        var closedBuffer = ArrayPool<Candle>.Shared.Rent(Math.Max(candles.Count, 1));
        try
        {
            var count = CopyClosed(candles, closedBuffer);
            if (count < Math.Max(rules.MinBars, 2))
            {
                return [];
            }

            return DetectClosed(closedBuffer.AsSpan(0, count), rules);
        }
        finally
        {
            // Cleared so the pool does not keep candles alive.
            ArrayPool<Candle>.Shared.Return(closedBuffer, clearArray: true);
        }
    }

    /// <summary>
    /// The levels in <paramref name="candles"/> (oldest first), ordered by price; empty when the history is too short.
    /// For a window of a longer series, read in place.
    /// </summary>
    public static IReadOnlyList<HorizontalLevel> Detect(ReadOnlySpan<Candle> candles, LevelDetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var allClosed = true;
        foreach (var candle in candles)
        {
            allClosed &= candle.IsClosed;
        }

        if (!allClosed)
        {
            return Detect((IReadOnlyList<Candle>)candles.ToArray(), rules);
        }

        return candles.Length < Math.Max(rules.MinBars, 2) ? [] : DetectClosed(candles, rules);
    }

    /// <summary>How close a bar's high or low must come to <paramref name="price"/> to touch it, and how close candidates merge.</summary>
    public static decimal Tolerance(decimal price, LevelDetectionRules rules, decimal atr)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Math.Max(rules.ToleranceFraction * price, rules.ToleranceAtr * atr);
    }

    private static int CopyClosed(IReadOnlyList<Candle> candles, Candle[] closed)
    {
        var count = 0;
        ReadOnlySpan<Candle> span = candles switch
        {
            Candle[] array => array,
            List<Candle> list => CollectionsMarshal.AsSpan(list),
            _ => default,
        };
        if (span.IsEmpty && candles.Count > 0)
        {
            for (var i = 0; i < candles.Count; i++)
            {
                if (candles[i].IsClosed)
                {
                    closed[count++] = candles[i];
                }
            }

            return count;
        }

        foreach (var candle in span)
        {
            if (candle.IsClosed)
            {
                closed[count++] = candle;
            }
        }

        return count;
    }

    private static List<HorizontalLevel> DetectClosed(ReadOnlySpan<Candle> closed, LevelDetectionRules rules)
    {
        var n = closed.Length;
        var doubles = ArrayPool<double>.Shared.Rent(LevelBars.BufferLength(n));
        var candidates = ArrayPool<decimal>.Shared.Rent(LevelCandidates.Capacity(n, rules));
        try
        {
            // The prices as the indicators see them (Ohlcv is double); opens are never needed.
            var bars = new LevelBars(doubles.AsSpan(0, LevelBars.BufferLength(n)), n);
            for (var i = 0; i < n; i++)
            {
                var candle = closed[i];
                bars.High[i] = (double)candle.High;
                bars.Low[i] = (double)candle.Low;
                bars.Close[i] = (double)candle.Close;
                bars.Volume[i] = (double)candle.Volume;
            }

            var atrValue = LevelCandidates.LastAtr(bars, rules.AtrPeriod);
            var atr = double.IsNaN(atrValue) ? 0m : (decimal)atrValue;
            var candidateCount = LevelCandidates.Collect(closed, bars, rules, candidates);
            var prices = candidates.AsSpan(0, candidateCount);

            // The same sort as before on the same sequence: equal prices can differ in scale, and the order they are
            // summed in must not change the merged means.
            prices.Sort();
            var mergedCount = LevelMerger.Merge(prices, rules, atr);
            return LevelValidator.ValidateAndSeparate(prices[..mergedCount], closed, bars, rules, atr);
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(candidates);
            ArrayPool<double>.Shared.Return(doubles);
        }
    }
}
