using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// How <see cref="LevelDetector"/> finds levels. <see cref="FromPreset"/> takes what <c>levels_rules</c> says and
/// keeps the original detector's constants for what it does not (listed in INVENTORY Appendix C).
/// </summary>
public sealed record LevelDetectionRules
{
    /// <summary>Touches a level needs to be kept (<c>levels_rules.min_touches</c>).</summary>
    public required int MinTouches { get; init; }

    /// <summary>
    /// Merge and touch tolerance as a fraction of the level price; the larger of this and <see cref="ToleranceAtr"/>
    /// applies. 0 by default: the ATR alone, as the original detector measured it (it used to be the cascade radius,
    /// which is a different thing).
    /// </summary>
    public decimal ToleranceFraction { get; init; }

    /// <summary>Price steps that count as round (<c>levels_rules.round_step_candidates</c>, ascending); empty = no round-number bonus (<c>prefer_round_numbers</c> false).</summary>
    public IReadOnlyList<decimal> RoundSteps { get; init; } = [];

    /// <summary>Validated levels within <see cref="CascadeRadiusFraction"/> that make a cascade (<c>levels_rules.cascade_min_levels</c>); 0 = no cascade bonus.</summary>
    public int CascadeMinLevels { get; init; }

    /// <summary>Radius of a cascade, fraction of the level price (<c>levels_rules.cascade_radius_bps</c> / 10⁴).</summary>
    public decimal CascadeRadiusFraction { get; init; }

    /// <summary>Merge and touch tolerance as a multiple of ATR.</summary>
    public decimal ToleranceAtr { get; init; } = 0.5m;

    /// <summary>Kept levels are at least this many ATRs apart; the stronger one of a closer pair wins.</summary>
    public decimal MinSeparationAtr { get; init; } = 2m;

    /// <summary>Donchian look-backs whose bands become candidates.</summary>
    public IReadOnlyList<int> DonchianPeriods { get; init; } = [10, 15, 20, 30];

    /// <summary>The last bars whose Donchian bands become candidates.</summary>
    public int DonchianRecentBars { get; init; } = 10;

    /// <summary>Bars either side of a swing point.</summary>
    public int SwingBars { get; init; } = 2;

    /// <summary>Bars with volume at or above this percentile (0-100) of the history give their high and low as candidates.</summary>
    public double HighVolumePercentile { get; init; } = 85;

    /// <summary>ATR period.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Fewest closed candles detection runs on; fewer give no levels.</summary>
    public int MinBars { get; init; } = 20;

    public static LevelDetectionRules FromPreset(LevelsRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new LevelDetectionRules
        {
            MinTouches = rules.MinTouches,
            RoundSteps = rules.PreferRoundNumbers ? rules.RoundStepCandidates : [],
            CascadeMinLevels = rules.CascadeMinLevels,
            CascadeRadiusFraction = rules.CascadeRadiusBps / 10_000m,
        };
    }
}
