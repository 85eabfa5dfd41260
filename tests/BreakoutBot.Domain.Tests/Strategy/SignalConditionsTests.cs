using BreakoutBot.Domain.Strategy;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

/// <summary>
/// <c>signal_config.market_quality</c> and <c>signal_config.entry_rules</c>: for each field, one value rejects the
/// breakout of <see cref="StrategyTestData.ConsolidationBelow"/> + <see cref="StrategyTestData.BreakoutBar"/> (bar 30,
/// closing 02:35 UTC) and another, with nothing else changed, lets it signal. The rejection names the field.
/// </summary>
public sealed class SignalConditionsTests
{
    private static readonly HorizontalLevel[] OneLevel = [LevelAt(Level)];

    [Theory]
    // Mean true range ≈ 1.23 % of price.
    [InlineData("flat_market_atr_threshold", 2.0, SignalRejectionCode.MarketFlat)]
    [InlineData("flat_market_atr_threshold", 1.0, null)]
    // ATR(14) rises from 1.2 to ≈ 1.243 on the breakout bar: ≈ 1.04x.
    [InlineData("volatility_spike_threshold", 1.01, SignalRejectionCode.VolatilitySpiking)]
    [InlineData("volatility_spike_threshold", 2.0, null)]
    // Each bar is about 1/6 wick.
    [InlineData("noise_threshold", 0.1, SignalRejectionCode.MarketNoisy)]
    [InlineData("noise_threshold", 0.7, null)]
    // The bars before the breakout span 98.4-99.6: 1.2 % of the level.
    [InlineData("consolidation_range_threshold_pct", 0.5, SignalRejectionCode.NoConsolidation)]
    [InlineData("consolidation_range_threshold_pct", 2.0, null)]
    // Close 100.25 against 99.5 twenty bars before: +0.75 %.
    [InlineData("trend_slope_min_pct", 1.0, SignalRejectionCode.NoClearTrend)]
    [InlineData("trend_slope_min_pct", 0.5, null)]
    // Breakout volume 300 against a mean of 100.
    [InlineData("volume_confirmation_multiplier", 4.0, SignalRejectionCode.VolumeNotConfirmed)]
    [InlineData("volume_confirmation_multiplier", 2.0, null)]
    // Close 100.25 against 98.5 three bars before: +1.78 %.
    [InlineData("momentum_min_slope_pct", 2.0, SignalRejectionCode.MomentumTooWeak)]
    [InlineData("momentum_min_slope_pct", 1.0, null)]
    // The breakout bar closes 155 minutes after 00:00 UTC, 1285 before the next.
    [InlineData("avoid_session_start_minutes", 200, SignalRejectionCode.SessionStart)]
    [InlineData("avoid_session_start_minutes", 100, null)]
    [InlineData("avoid_session_end_minutes", 1300, SignalRejectionCode.SessionEnd)]
    [InlineData("avoid_session_end_minutes", 1200, null)]
    public void Evaluate_OneFieldChanged_DecidesTheBreakout(string field, double value, SignalRejectionCode? rejectedFor)
    {
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));

        var outcome = Feed(new SignalEngine(TestInstrument, With(field, (decimal)value)), path, OneLevel)[^1];

        AssertDecision(outcome, field, rejectedFor);
    }

    [Theory]
    // Closes 99.8, 99.7, 99.6 then 98.5: 0.44 % per bar over 3 bars.
    [InlineData("approach_max_slope_pct", 0.3, SignalRejectionCode.ApproachTooSteep)]
    [InlineData("approach_max_slope_pct", 1.5, null)]
    // Five bars back reach the 98.5 close of the range: 1.5 % from the level.
    [InlineData("approach_min_consolidation_bars", 5, SignalRejectionCode.ApproachAwayFromLevel)]
    [InlineData("approach_min_consolidation_bars", 3, null)]
    public void Evaluate_Approach_DecidesTheBreakout(string field, double value, SignalRejectionCode? rejectedFor)
    {
        var path = ConsolidationBelow();
        path.Add(Bar(30, 99.5m, 99.7m, 99.4m, 99.6m));
        path.Add(Bar(31, 99.6m, 99.8m, 99.5m, 99.7m));
        path.Add(Bar(32, 99.7m, 99.9m, 99.6m, 99.8m));
        path.Add(Bar(33, 99.8m, 100.3m, 99.7m, 100.25m, volume: 300m));
        var rules = With(field, (decimal)value);
        rules = rules with { EntryRules = rules.EntryRules! with { ValidateApproach = true } };

        var outcome = Feed(new SignalEngine(TestInstrument, rules), path, OneLevel)[^1];

        AssertDecision(outcome, field == "approach_max_slope_pct" ? field : "approach_min_consolidation_bars", rejectedFor);
    }

    [Theory]
    // Bar 30 crossed 100 on thin volume (no signal) and fell back at bar 31; bar 32 breaks out for real.
    [InlineData(10, SignalRejectionCode.FalseStart)]
    [InlineData(1, null)]
    public void Evaluate_EarlierBreakoutGivenBack_IsAFalseStartWithinTheLookback(int lookbackBars, SignalRejectionCode? rejectedFor)
    {
        var path = ConsolidationBelow();
        path.Add(Bar(30, 99.5m, 100.3m, 99.4m, 100.2m));
        path.Add(Bar(31, 100.2m, 100.2m, 99.4m, 99.5m));
        path.Add(BreakoutBar(32));
        var rules = RulesWithConditionsOff();
        rules = rules with { EntryRules = rules.EntryRules! with { RequireCleanBreakout = true, FalseStartLookbackBars = lookbackBars } };

        var evaluations = Feed(new SignalEngine(TestInstrument, rules), path, OneLevel);

        Assert.False(evaluations[30].HasSignal);
        AssertDecision(evaluations[^1], "require_clean_breakout", rejectedFor);
    }

    [Fact]
    public void Evaluate_LookbackLongerThanTheHistory_RejectsForHistoryNamingTheField()
    {
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));
        var rules = RulesWithConditionsOff();
        rules = rules with { MarketQuality = rules.MarketQuality! with { RequireClearTrend = true, TrendLookbackBars = 200, TrendSlopeMinPct = 0m } };

        var outcome = Feed(new SignalEngine(TestInstrument, rules), path, OneLevel)[^1];

        Assert.False(outcome.HasSignal);
        Assert.Contains(outcome.Rejections, rejection =>
            rejection.Code == SignalRejectionCode.NotEnoughHistory && rejection.Detail.Contains("trend_lookback_bars", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EveryConditionOff_SignalsTheBreakout()
    {
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));

        Assert.True(Feed(new SignalEngine(TestInstrument, RulesWithConditionsOff()), path, OneLevel)[^1].HasSignal);
    }

    private static void AssertDecision(SignalEvaluation outcome, string field, SignalRejectionCode? rejectedFor)
    {
        if (rejectedFor is { } code)
        {
            Assert.False(outcome.HasSignal);
            var rejection = Assert.Single(outcome.Rejections, rejection => rejection.Code == code);
            Assert.Contains(field, rejection.Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(outcome.HasSignal, string.Join("; ", outcome.Rejections.Select(rejection => $"{rejection.Code}: {rejection.Detail}")));
        }
    }

    /// <summary>Every condition off, then the one <paramref name="field"/> belongs to turned on with <paramref name="value"/>.</summary>
    private static SignalRules With(string field, decimal value)
    {
        var rules = RulesWithConditionsOff();
        var quality = rules.MarketQuality!;
        var entry = rules.EntryRules!;
        return field switch
        {
            "flat_market_atr_threshold" => rules with { MarketQuality = quality with { FlatMarketFilterEnabled = true, FlatMarketLookbackBars = 20, FlatMarketAtrThreshold = value } },
            "volatility_spike_threshold" => rules with { MarketQuality = quality with { RequireStableVolatility = true, VolatilityLookbackBars = 10, VolatilitySpikeThreshold = value } },
            "noise_threshold" => rules with { MarketQuality = quality with { NoiseFilterEnabled = true, FlatMarketLookbackBars = 20, NoiseThreshold = value } },
            "consolidation_range_threshold_pct" => rules with { MarketQuality = quality with { ConsolidationFilterEnabled = true, ConsolidationMinBars = 10, ConsolidationRangeThresholdPct = value } },
            "trend_slope_min_pct" => rules with { MarketQuality = quality with { RequireClearTrend = true, TrendLookbackBars = 20, TrendSlopeMinPct = value } },
            "volume_confirmation_multiplier" => rules with { EntryRules = entry with { RequireVolumeConfirmation = true, VolumeConfirmationMultiplier = value } },
            "momentum_min_slope_pct" => rules with { EntryRules = entry with { RequireMomentum = true, MomentumCheckBars = 3, MomentumMinSlopePct = value } },
            "avoid_session_start_minutes" => rules with { EntryRules = entry with { AvoidSessionStartMinutes = (int)value } },
            "avoid_session_end_minutes" => rules with { EntryRules = entry with { AvoidSessionEndMinutes = (int)value } },
            "approach_max_slope_pct" => rules with { EntryRules = entry with { ApproachMinConsolidationBars = 3, ApproachMaxSlopePct = value } },
            "approach_min_consolidation_bars" => rules with { EntryRules = entry with { ApproachMinConsolidationBars = (int)value, ApproachMaxSlopePct = 100m } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such condition in this test"),
        };
    }
}
