using System.Globalization;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Rules that close a position before its stop or take-profits (<c>position_config.exit_rules</c>).</summary>
public sealed record ExitRulesConfig
{
    /// <summary><c>failed_breakout_enabled</c>: close when the price falls back through the broken level.</summary>
    public required bool FailedBreakoutEnabled { get; init; }

    /// <summary><c>failed_breakout_bars</c>: candles after entry during which a failed breakout is checked, 1-500.</summary>
    public required int FailedBreakoutBars { get; init; }

    /// <summary><c>failed_breakout_retest_threshold</c>: share of the breakout move given back that counts as failed, fraction in [0, 1].</summary>
    public required decimal FailedBreakoutRetestThreshold { get; init; }

    /// <summary><c>activity_drop_enabled</c>: close when trading activity collapses (the original <c>panic_exit_on_activity_drop</c>).</summary>
    public required bool ActivityDropEnabled { get; init; }

    /// <summary>
    /// <c>activity_drop_threshold</c>: a bar whose volume is this share or more below the mean volume of the
    /// <see cref="ActivityDropWindowBars"/> bars before it closes the position at that bar's close, fraction in (0, 1]
    /// (0.3 = 30 % below the mean).
    /// </summary>
    public required decimal ActivityDropThreshold { get; init; }

    /// <summary><c>activity_drop_window_bars</c>: closed bars whose mean volume a bar is compared with, 1-500.</summary>
    public required int ActivityDropWindowBars { get; init; }

    /// <summary><c>weak_impulse_enabled</c>: close when the move after entry stays too small.</summary>
    public required bool WeakImpulseEnabled { get; init; }

    /// <summary><c>weak_impulse_min_move_pct</c>: smallest favourable move within <see cref="WeakImpulseCheckBars"/>, percent in [0, 100].</summary>
    public required decimal WeakImpulseMinMovePct { get; init; }

    /// <summary><c>weak_impulse_check_bars</c>: candles, 1-500.</summary>
    public required int WeakImpulseCheckBars { get; init; }

    /// <summary><c>max_hold_time_hours</c>: a position is closed after this long, hours in (0, 720].</summary>
    public required decimal MaxHoldTimeHours { get; init; }

    /// <summary><c>time_stop_minutes</c>: close after this many minutes if the position is not in profit, 1-43200; null = off. Must be shorter than <see cref="MaxHoldTimeHours"/>.</summary>
    public int? TimeStopMinutes { get; init; }

    /// <summary><c>volatility_exit_enabled</c>: close at the close of a bar that moves against the position with a true range of <see cref="VolatilitySpikeThreshold"/> times the usual.</summary>
    public required bool VolatilityExitEnabled { get; init; }

    /// <summary><c>volatility_spike_threshold</c>: the bar's true range / mean true range of the 14 bars before it that triggers the exit, multiple in [1, 100].</summary>
    public required decimal VolatilitySpikeThreshold { get; init; }

    internal static ExitRulesConfig Read(PresetObjectReader json)
    {
        var rules = new ExitRulesConfig
        {
            FailedBreakoutEnabled = json.Bool("failed_breakout_enabled"),
            FailedBreakoutBars = json.Int("failed_breakout_bars", new IntRange(1, 500), PresetUnits.Bars),
            FailedBreakoutRetestThreshold = json.Decimal("failed_breakout_retest_threshold", DecimalRange.Closed(0m, 1m), PresetUnits.Fraction),
            ActivityDropEnabled = json.Bool("activity_drop_enabled"),
            ActivityDropThreshold = json.Decimal("activity_drop_threshold", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.Fraction),
            ActivityDropWindowBars = json.Int("activity_drop_window_bars", new IntRange(1, 500), PresetUnits.Bars),
            WeakImpulseEnabled = json.Bool("weak_impulse_enabled"),
            WeakImpulseMinMovePct = json.Decimal("weak_impulse_min_move_pct", DecimalRange.Closed(0m, 100m), PresetUnits.Percent),
            WeakImpulseCheckBars = json.Int("weak_impulse_check_bars", new IntRange(1, 500), PresetUnits.Bars),
            MaxHoldTimeHours = json.Decimal("max_hold_time_hours", DecimalRange.AboveUpTo(0m, 720m), PresetUnits.Hours),
            TimeStopMinutes = json.OptionalInt("time_stop_minutes", new IntRange(1, 43200), PresetUnits.Minutes),
            VolatilityExitEnabled = json.Bool("volatility_exit_enabled"),
            VolatilitySpikeThreshold = json.Decimal("volatility_spike_threshold", DecimalRange.Closed(1m, 100m), PresetUnits.VolatilityMultiple),
        };

        // A time stop after the hold limit would never fire, which is a silent no-op the user did not mean.
        if (json.AreValid("time_stop_minutes", "max_hold_time_hours") && rules.TimeStopMinutes is { } minutes && minutes >= rules.MaxHoldTimeHours * 60m)
        {
            json.AddError("time_stop_minutes", string.Create(
                CultureInfo.InvariantCulture,
                $"must be shorter than max_hold_time_hours ({rules.MaxHoldTimeHours} h = {rules.MaxHoldTimeHours * 60m} min), or it can never fire; got {minutes}"));
        }

        return rules;
    }
}
