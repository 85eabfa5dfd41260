namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// Strength bonuses of validated levels, before the strongest of close pairs is kept (<c>levels_rules</c>):
/// <list type="bullet">
/// <item><c>prefer_round_numbers</c>: a level within its touch tolerance of a multiple of one of
/// <c>round_step_candidates</c> gains min(0.3, 0.1 + 0.05·log10(step + 1)) for the largest such step. A step no wider
/// than twice the tolerance is skipped: every price is that close to one of its multiples, so it marks nothing.</item>
/// <item><c>cascade_min_levels</c> / <c>cascade_radius_bps</c>: a level with at least that many validated levels
/// (itself included) within the radius is part of a cascade and gains min(0.2, 0.05·count).</item>
/// </list>
/// Strength stays within [0, 1].
/// </summary>
public static class LevelBonuses
{
    internal static void Apply(Span<HorizontalLevel> levels, LevelDetectionRules rules, decimal atr)
    {
        if (levels.IsEmpty || (rules.RoundSteps.Count == 0 && rules.CascadeMinLevels == 0))
        {
            return;
        }

        Span<double> bonuses = levels.Length <= 64 ? stackalloc double[levels.Length] : new double[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            bonuses[i] = RoundBonus(levels[i].Price, rules, LevelDetector.Tolerance(levels[i].Price, rules, atr)) + CascadeBonus(levels, i, rules);
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if (bonuses[i] > 0)
            {
                levels[i] = levels[i] with { Strength = Math.Clamp(levels[i].Strength + bonuses[i], 0d, 1d) };
            }
        }
    }

    /// <summary>The round-number bonus of <paramref name="price"/>: the largest step one of whose multiples is within <paramref name="tolerance"/>.</summary>
    public static double RoundBonus(decimal price, LevelDetectionRules rules, decimal tolerance)
    {
        for (var i = rules.RoundSteps.Count - 1; i >= 0; i--)
        {
            var step = rules.RoundSteps[i];
            if (step <= 2 * tolerance)
            {
                break;
            }

            var nearest = decimal.Round(price / step, MidpointRounding.AwayFromZero) * step;
            if (Math.Abs(price - nearest) <= tolerance)
            {
                return Math.Min(0.3, 0.1 + (0.05 * Math.Log10((double)step + 1)));
            }
        }

        return 0;
    }

    private static double CascadeBonus(ReadOnlySpan<HorizontalLevel> levels, int index, LevelDetectionRules rules)
    {
        if (rules.CascadeMinLevels == 0)
        {
            return 0;
        }

        var price = levels[index].Price;
        var radius = rules.CascadeRadiusFraction * price;
        var count = 0;
        foreach (var level in levels)
        {
            if (Math.Abs(level.Price - price) <= radius)
            {
                count++;
            }
        }

        return count >= rules.CascadeMinLevels ? Math.Min(0.2, 0.05 * count) : 0;
    }
}
