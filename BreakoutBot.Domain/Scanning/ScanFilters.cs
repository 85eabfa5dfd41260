using System.Globalization;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Applies a preset's liquidity and volatility filters to one symbol's metrics. Every filter is reported, passed or
/// not; a null metric fails with "no data" (the original passed a missing book and faked other inputs). Optional
/// thresholds the preset leaves out (<c>min_oi_usd</c>, <c>oi_delta_threshold</c>) are not applied and not reported.
/// A caller whose data cannot feed a filter at all (a backtest over klines has no order book, trade tape or open
/// interest) names it as not evaluated: it passes, and its reason says so, so the omission is reported, never silent.
/// </summary>
public static class ScanFilters
{
    /// <summary>The filters of <paramref name="preset"/>, in preset order (liquidity, then volatility).</summary>
    /// <param name="notEvaluated">Filter names (<see cref="ScanFilterNames"/>) the caller's data cannot feed: they pass as not evaluated.</param>
    public static IReadOnlyList<FilterResult> Evaluate(MarketMetrics metrics, TradingPreset preset, IReadOnlySet<string>? notEvaluated = null)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var results = Evaluate(metrics, preset.LiquidityFilters, preset.VolatilityFilters);
        if (notEvaluated is not { Count: > 0 })
        {
            return results;
        }

        return [.. results.Select(result => notEvaluated.Contains(result.Name)
            ? new FilterResult(result.Name, null, result.Threshold, true, ScanFilterNames.NotEvaluated)
            : result)];
    }

    public static IReadOnlyList<FilterResult> Evaluate(MarketMetrics metrics, LiquidityFilters liquidity, VolatilityFilters volatility)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(liquidity);
        ArgumentNullException.ThrowIfNull(volatility);
        var results = new List<FilterResult>(12)
        {
            AtLeast(ScanFilterNames.Min24hVolumeUsd, "24h turnover (USDT)", metrics.Turnover24hUsd, liquidity.Min24hVolumeUsd),
        };
        if (liquidity.MinOiUsd is { } minOi)
        {
            results.Add(AtLeast(ScanFilterNames.MinOiUsd, "open interest (USDT)", metrics.OpenInterestUsd, minOi));
        }

        results.Add(AtMost(ScanFilterNames.MaxSpreadBps, "spread (bps)", metrics.SpreadBps, liquidity.MaxSpreadBps));
        results.Add(AtLeast(ScanFilterNames.MinDepthUsd0_5Pct, "bid+ask depth within 0.5% (USDT)", metrics.Depth0_5Pct?.TotalNotional, liquidity.MinDepthUsd0_5Pct));
        results.Add(AtLeast(ScanFilterNames.MinDepthUsd0_3Pct, "bid+ask depth within 0.3% (USDT)", metrics.Depth0_3Pct?.TotalNotional, liquidity.MinDepthUsd0_3Pct));
        results.Add(AtLeast(ScanFilterNames.MinTradesPerMinute, "trades per minute", ToDecimal(metrics.TradesPerMinute), liquidity.MinTradesPerMinute));

        var atrToPrice = ToDecimal(metrics.AtrToPrice);
        results.Add(AtLeast(ScanFilterNames.AtrRangeMin, "ATR/price", atrToPrice, volatility.AtrRangeMin));
        results.Add(AtMost(ScanFilterNames.AtrRangeMax, "ATR/price", atrToPrice, volatility.AtrRangeMax));
        results.Add(AtMost(ScanFilterNames.BbWidthPercentileMax, "Bollinger width percentile", ToDecimal(metrics.BollingerWidthPercentile), volatility.BbWidthPercentileMax));
        results.Add(AtLeast(ScanFilterNames.VolumeSurge1hMin, "1h volume surge", ToDecimal(metrics.VolumeSurge1h), volatility.VolumeSurge1hMin));
        results.Add(AtLeast(ScanFilterNames.VolumeSurge5mMin, "5m volume surge", ToDecimal(metrics.VolumeSurge5m), volatility.VolumeSurge5mMin));
        if (volatility.OiDeltaThreshold is { } minOiDelta)
        {
            var change = metrics.OpenInterestChangeFraction is { } signed ? Math.Abs(signed) : (double?)null;
            results.Add(AtLeast(ScanFilterNames.OiDeltaThreshold, "|open interest change|", ToDecimal(change), minOiDelta));
        }

        return results;
    }

    /// <summary>True when every filter passed (an empty list passes).</summary>
    public static bool AllPassed(IReadOnlyList<FilterResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].Passed)
            {
                return false;
            }
        }

        return true;
    }

    private static FilterResult AtLeast(string name, string label, decimal? value, decimal threshold)
    {
        if (value is not { } measured)
        {
            return new FilterResult(name, null, threshold, false, ScanFilterNames.NoData);
        }

        var passed = measured >= threshold;
        var verdict = passed ? ">= min" : "below min";
        return new FilterResult(name, measured, threshold, passed, Describe(label, measured, verdict, threshold));
    }

    private static FilterResult AtMost(string name, string label, decimal? value, decimal threshold)
    {
        if (value is not { } measured)
        {
            return new FilterResult(name, null, threshold, false, ScanFilterNames.NoData);
        }

        var passed = measured <= threshold;
        var verdict = passed ? "<= max" : "above max";
        return new FilterResult(name, measured, threshold, passed, Describe(label, measured, verdict, threshold));
    }

    private static string Describe(string label, decimal value, string verdict, decimal threshold) =>
        string.Create(CultureInfo.InvariantCulture, $"{label} {value:0.######} {verdict} {threshold:0.######}");

    // Metrics computed in double are compared as decimals so the threshold (a preset decimal) is taken exactly;
    // anything beyond ±1e15 is no longer a meaningful measurement and is clamped rather than overflowing decimal.
    private static decimal? ToDecimal(double? value) =>
        value is { } number ? (decimal)Math.Clamp(number, -1e15, 1e15) : null;
}
