namespace BreakoutBot.Domain.Tests.Presets;

public class RiskConfigTests
{
    [Fact]
    public void Load_DailyLimitBelowRiskPerTrade_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["risk_per_trade"] = 0.02m;
        preset["risk"]!["daily_risk_limit"] = 0.01m;
        preset["risk"]!["kill_switch_loss_limit"] = 0.05m;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.risk.daily_risk_limit", error.Path);
        Assert.Contains("at least risk_per_trade (0.02)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KillSwitchBelowDailyLimit_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["kill_switch_loss_limit"] = 0.04m;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.risk.kill_switch_loss_limit", error.Path);
    }

    [Fact]
    public void Load_AtrRangeMaxNotAboveMin_IsRejected()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["volatility_filters"]!["atr_range_max"] = 0.005m;

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.volatility_filters.atr_range_max", error.Path);
    }

    [Fact]
    public void Load_InvalidRiskPerTrade_DoesNotAlsoReportTheDependentDailyLimitRule()
    {
        var preset = PresetFixtures.ValidPreset();
        preset["risk"]!["risk_per_trade"] = "1%";

        var error = Assert.Single(PresetFixtures.Load(preset).Errors);

        Assert.Equal("$.risk.risk_per_trade", error.Path);
    }
}
