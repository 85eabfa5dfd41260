using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// What the market-driven early exits (<c>activity_drop_*</c>, <c>volatility_exit_*</c>) measure at a bar's close, from
/// closed bars only, so the executor and the backtester decide alike. Null when the history is too short to measure.
/// </summary>
/// <param name="ActivityDrop">
/// How far the bar's volume fell below the mean volume of the <c>activity_drop_window_bars</c> bars before it:
/// 1 − volume / mean, at least 0 (0.3 = 30 % below the mean). Volume is what the exchange reports per bar, so this
/// is the bar-level form of the original's trade-rate "activity index" drop.
/// </param>
/// <param name="VolatilitySpike">
/// The bar's true range over the mean true range of the <see cref="AtrPeriod"/> bars before it (2 = twice the usual
/// range).
/// </param>
public readonly record struct ExitInputs(decimal? ActivityDrop, decimal? VolatilitySpike)
{
    /// <summary>Bars in the mean true range the volatility spike is measured against.</summary>
    public const int AtrPeriod = 14;

    /// <summary>Closed bars (through the bar being applied) that <see cref="From"/> needs for both measures.</summary>
    public static int BarsNeeded(ExitRulesConfig rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Math.Max(rules.ActivityDropWindowBars + 1, AtrPeriod + 2);
    }

    /// <summary>Both measures at the close of the last bar of <paramref name="history"/> (closed bars, oldest first).</summary>
    public static ExitInputs From(IReadOnlyList<Candle> history, ExitRulesConfig rules)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        return new ExitInputs(ActivityDropOf(history, rules.ActivityDropWindowBars), VolatilitySpikeOf(history));
    }

    private static decimal? ActivityDropOf(IReadOnlyList<Candle> history, int window)
    {
        if (history.Count < window + 1)
        {
            return null;
        }

        var sum = 0m;
        for (var i = history.Count - 1 - window; i < history.Count - 1; i++)
        {
            sum += history[i].Volume;
        }

        var mean = sum / window;
        return mean > 0 ? Math.Max(0m, 1m - (history[^1].Volume / mean)) : null;
    }

    private static decimal? VolatilitySpikeOf(IReadOnlyList<Candle> history)
    {
        // Each true range needs the close before it: AtrPeriod ranges before the bar, plus the bar's own.
        if (history.Count < AtrPeriod + 2)
        {
            return null;
        }

        var sum = 0m;
        for (var i = history.Count - 1 - AtrPeriod; i < history.Count - 1; i++)
        {
            sum += TrueRanges.Of(history[i], history[i - 1].Close);
        }

        var mean = sum / AtrPeriod;
        return mean > 0 ? TrueRanges.Of(history[^1], history[^2].Close) / mean : null;
    }
}
