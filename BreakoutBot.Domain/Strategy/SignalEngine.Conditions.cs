using System.Globalization;
using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// The preset's market-quality filters and entry rules, from closed bars only. Each failure names the preset field,
/// the measured value and the threshold. Bar-wide conditions (flat, volatility spike, noise, session) block both
/// strategies; the ones that need a direction or a level are checked per candidate: the trend for both strategies,
/// and the breakout-candle rules (consolidation, volume, momentum, approach, clean breakout) for momentum only — a
/// retest comes after the breakout they judge.
/// </summary>
public sealed partial class SignalEngine
{
    private const string Quality = "signal_config.market_quality.";
    private const string Entry = "signal_config.entry_rules.";

    /// <summary>Bars of history the enabled conditions look back over (at least the volume window and one earlier close).</summary>
    private static int HistoryCapacity(SignalRules rules)
    {
        var bars = rules.VolumeWindow + 1;
        if (rules.MarketQuality is { } quality)
        {
            bars = Math.Max(bars, Math.Max(quality.FlatMarketLookbackBars, quality.ConsolidationMinBars + 1));
            bars = Math.Max(bars, quality.TrendLookbackBars) + 1;
        }

        if (rules.EntryRules is { } entry)
        {
            bars = Math.Max(bars, Math.Max(entry.MomentumCheckBars + 1, entry.ApproachMinConsolidationBars + 2));
            bars = Math.Max(bars, entry.FalseStartLookbackBars + 1);
        }

        return bars;
    }

    /// <summary>Flat market, volatility spike, noise and session: true when the bar may be traded at all.</summary>
    private bool PassesBarConditions(Candle candle, List<SignalRejection> rejections)
    {
        var before = rejections.Count;
        void Fail(SignalRejectionCode code, string detail) => rejections.Add(new SignalRejection(null, null, code, detail));

        if (_rules.MarketQuality is { } quality)
        {
            if (quality.FlatMarketFilterEnabled)
            {
                var bars = quality.FlatMarketLookbackBars;
                if (MeanTrueRange(bars) is not { } range)
                {
                    Fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Quality}flat_market_lookback_bars", bars + 1));
                }
                else if (range / candle.Close * 100m is var percent && percent < quality.FlatMarketAtrThreshold)
                {
                    Fail(SignalRejectionCode.MarketFlat, Text($"{Quality}flat_market_atr_threshold: mean true range is {percent:0.####} % of price over {bars} bars, needs at least {quality.FlatMarketAtrThreshold} %"));
                }
            }

            if (quality.RequireStableVolatility)
            {
                var bars = quality.VolatilityLookbackBars;
                if (AtrSpike(bars) is not { } spike)
                {
                    Fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Quality}volatility_lookback_bars", bars + _rules.AtrPeriod + 1));
                }
                else if (spike >= quality.VolatilitySpikeThreshold)
                {
                    Fail(SignalRejectionCode.VolatilitySpiking, Text($"{Quality}volatility_spike_threshold: ATR is {spike:0.###}x its mean over {bars} bars, must stay below {quality.VolatilitySpikeThreshold}x"));
                }
            }

            if (quality.NoiseFilterEnabled)
            {
                var bars = quality.FlatMarketLookbackBars;
                if (_history.Count < bars)
                {
                    Fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Quality}flat_market_lookback_bars (the noise window)", bars));
                }
                else if (WickShare(bars) is var noise && noise > quality.NoiseThreshold)
                {
                    Fail(SignalRejectionCode.MarketNoisy, Text($"{Quality}noise_threshold: {noise:0.###} of the range of the last {bars} bars is wick, at most {quality.NoiseThreshold}"));
                }
            }
        }

        if (_rules.EntryRules is { } entry)
        {
            var sinceMidnight = (int)candle.CloseTime.UtcDateTime.TimeOfDay.TotalMinutes;
            if (sinceMidnight < entry.AvoidSessionStartMinutes)
            {
                Fail(SignalRejectionCode.SessionStart, Text($"{Entry}avoid_session_start_minutes: the bar closed {sinceMidnight} min after 00:00 UTC, entries from {entry.AvoidSessionStartMinutes} min"));
            }

            var toMidnight = 1440 - sinceMidnight;
            if (toMidnight < entry.AvoidSessionEndMinutes)
            {
                Fail(SignalRejectionCode.SessionEnd, Text($"{Entry}avoid_session_end_minutes: the bar closed {toMidnight} min before 00:00 UTC, no entries in the last {entry.AvoidSessionEndMinutes} min"));
            }
        }

        return rejections.Count == before;
    }

    /// <summary>The trend filter, which both strategies need in the trade's direction.</summary>
    private void CheckTrend(PositionDirection direction, Action<SignalRejectionCode, string> fail)
    {
        if (_rules.MarketQuality is not { RequireClearTrend: true } quality)
        {
            return;
        }

        var bars = quality.TrendLookbackBars;
        if (ChangePercent(bars, direction) is not { } change)
        {
            fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Quality}trend_lookback_bars", bars + 1));
        }
        else if (change < quality.TrendSlopeMinPct)
        {
            fail(SignalRejectionCode.NoClearTrend, Text($"{Quality}trend_slope_min_pct: price moved {change:0.###} % towards {direction} over {bars} bars, needs {quality.TrendSlopeMinPct} %"));
        }
    }

    /// <summary>Consolidation, volume confirmation, momentum, approach and clean breakout, for a momentum breakout of <paramref name="level"/>.</summary>
    private void CheckBreakoutCandle(HorizontalLevel level, PositionDirection direction, Candle candle, Action<SignalRejectionCode, string> fail)
    {
        if (_rules.MarketQuality is { ConsolidationFilterEnabled: true } quality)
        {
            var bars = quality.ConsolidationMinBars;
            if (_history.Count < bars + 1)
            {
                fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Quality}consolidation_min_bars", bars + 1));
            }
            else if (RangeBefore(bars) / level.Price * 100m is var range && range > quality.ConsolidationRangeThresholdPct)
            {
                fail(SignalRejectionCode.NoConsolidation, Text($"{Quality}consolidation_range_threshold_pct: the {bars} bars before the breakout spanned {range:0.###} % of the level, at most {quality.ConsolidationRangeThresholdPct} %"));
            }
        }

        if (_rules.EntryRules is not { } entry)
        {
            return;
        }

        if (entry.RequireVolumeConfirmation)
        {
            var mean = MeanVolumeBefore(_rules.VolumeWindow);
            var ratio = mean > 0 ? candle.Volume / mean : 0m;
            if (ratio < entry.VolumeConfirmationMultiplier)
            {
                fail(SignalRejectionCode.VolumeNotConfirmed, Text($"{Entry}volume_confirmation_multiplier: breakout volume is {ratio:0.##}x the mean of the {_rules.VolumeWindow} bars before, needs {entry.VolumeConfirmationMultiplier}x"));
            }
        }

        if (entry.RequireMomentum)
        {
            var bars = entry.MomentumCheckBars;
            if (ChangePercent(bars, direction) is not { } change)
            {
                fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Entry}momentum_check_bars", bars + 1));
            }
            else if (change < entry.MomentumMinSlopePct)
            {
                fail(SignalRejectionCode.MomentumTooWeak, Text($"{Entry}momentum_min_slope_pct: price moved {change:0.###} % towards {direction} over {bars} bars, needs {entry.MomentumMinSlopePct} %"));
            }
        }

        if (entry.ValidateApproach)
        {
            CheckApproach(level, entry.ApproachMinConsolidationBars, entry.ApproachMaxSlopePct, fail);
        }

        if (entry.RequireCleanBreakout)
        {
            // The previous close is on the near side (a fresh cross); an earlier close beyond the level is a breakout
            // that was given back.
            var bars = Math.Min(entry.FalseStartLookbackBars, _history.Count - 1);
            for (var age = 2; age <= bars; age++)
            {
                if (direction.Sign() * (_history[age].Close - level.Price) > 0)
                {
                    fail(SignalRejectionCode.FalseStart, Text($"{Entry}require_clean_breakout: {age} bars ago the close {_history[age].Close} was already beyond {level.Price} and fell back (false_start_lookback_bars {entry.FalseStartLookbackBars})"));
                    break;
                }
            }
        }
    }

    /// <summary>The approach: the closes of the bars before the breakout hold near the level, and do not run at it.</summary>
    private void CheckApproach(HorizontalLevel level, int bars, decimal maxSlopePercent, Action<SignalRejectionCode, string> fail)
    {
        if (_history.Count < bars + 2)
        {
            fail(SignalRejectionCode.NotEnoughHistory, Needs($"{Entry}approach_min_consolidation_bars", bars + 2));
            return;
        }

        for (var age = 1; age <= bars; age++)
        {
            var distance = Math.Abs(_history[age].Close - level.Price) / level.Price;
            if (distance > _rules.ApproachBandFraction)
            {
                fail(SignalRejectionCode.ApproachAwayFromLevel, Text($"{Entry}approach_min_consolidation_bars: {age} bars before the breakout the close was {distance:P3} from the level; the last {bars} closes must stay within {_rules.ApproachBandFraction:P1}"));
                return;
            }
        }

        var start = _history[bars + 1].Close;
        var slope = Math.Abs(_history[1].Close - start) / start / bars * 100m;
        if (slope > maxSlopePercent)
        {
            fail(SignalRejectionCode.ApproachTooSteep, Text($"{Entry}approach_max_slope_pct: the approach moved {slope:0.###} % per bar over {bars} bars, at most {maxSlopePercent} %"));
        }
    }

    /// <summary>Mean true range of the newest <paramref name="bars"/> bars; null without an earlier close for the oldest.</summary>
    private decimal? MeanTrueRange(int bars)
    {
        if (_history.Count < bars + 1)
        {
            return null;
        }

        var sum = 0m;
        for (var age = 0; age < bars; age++)
        {
            sum += TrueRanges.Of(_history[age], _history[age + 1].Close);
        }

        return sum / bars;
    }

    /// <summary>ATR now over its mean across the <paramref name="bars"/> bars before; null until that many ATRs exist.</summary>
    private decimal? AtrSpike(int bars)
    {
        if (_atrs.Count < bars + 1)
        {
            return null;
        }

        var sum = 0m;
        var current = 0m;
        var index = 0;
        foreach (var atr in _atrs)
        {
            if (index++ < bars)
            {
                sum += atr;
            }
            else
            {
                current = atr;
            }
        }

        var mean = sum / bars;
        return mean > 0 ? current / mean : null;
    }

    /// <summary>Mean share of each bar's range that is wick, over the newest <paramref name="bars"/> bars (a bar without range counts as all wick).</summary>
    private decimal WickShare(int bars)
    {
        var sum = 0m;
        for (var age = 0; age < bars; age++)
        {
            var bar = _history[age];
            var range = bar.High - bar.Low;
            sum += range > 0 ? 1m - (Math.Abs(bar.Close - bar.Open) / range) : 1m;
        }

        return sum / bars;
    }

    /// <summary>Close-to-close change over <paramref name="bars"/> bars towards <paramref name="direction"/>, percent; null without that history.</summary>
    private decimal? ChangePercent(int bars, PositionDirection direction)
    {
        if (_history.Count < bars + 1)
        {
            return null;
        }

        var start = _history[bars].Close;
        return direction.Sign() * (_history[0].Close - start) / start * 100m;
    }

    /// <summary>Highest high − lowest low of the <paramref name="bars"/> bars before the newest.</summary>
    private decimal RangeBefore(int bars)
    {
        decimal high = _history[1].High, low = _history[1].Low;
        for (var age = 2; age <= bars; age++)
        {
            high = Math.Max(high, _history[age].High);
            low = Math.Min(low, _history[age].Low);
        }

        return high - low;
    }

    /// <summary>Mean volume of the <paramref name="bars"/> bars before the newest (fewer when the history is shorter).</summary>
    private decimal MeanVolumeBefore(int bars)
    {
        var count = Math.Min(bars, _history.Count - 1);
        var sum = 0m;
        for (var age = 1; age <= count; age++)
        {
            sum += _history[age].Volume;
        }

        return count > 0 ? sum / count : 0m;
    }

    private static string Needs(string field, int bars) => Text($"{field} needs {bars} closed bars");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
