using System.Globalization;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>Account-level risk limits (<c>risk</c>). All fractions are of account equity: 0.01 = 1 %.</summary>
public sealed record RiskConfig
{
    /// <summary><c>risk_per_trade</c>: equity lost if a trade hits its initial stop; fraction in (0, 0.05].</summary>
    public required decimal RiskPerTrade { get; init; }

    /// <summary><c>max_concurrent_positions</c>: open positions at most, 1-10.</summary>
    public required int MaxConcurrentPositions { get; init; }

    /// <summary><c>daily_risk_limit</c>: loss in one UTC day after which no new trade opens; fraction in (0, 1], at least <see cref="RiskPerTrade"/>.</summary>
    public required decimal DailyRiskLimit { get; init; }

    /// <summary><c>max_position_size_usd</c>: notional cap per position in USD; null = no cap.</summary>
    public decimal? MaxPositionSizeUsd { get; init; }

    /// <summary><c>kill_switch_loss_limit</c>: drawdown that stops trading until an operator resets it; fraction in (0, 1], at least <see cref="DailyRiskLimit"/>.</summary>
    public required decimal KillSwitchLossLimit { get; init; }

    /// <summary><c>correlation_limit</c>: absolute correlation with BTC above which positions count as correlated; 0-1.</summary>
    public required decimal CorrelationLimit { get; init; }

    /// <summary><c>max_consecutive_losses</c>: losing trades in a row that pause trading, 1-20.</summary>
    public required int MaxConsecutiveLosses { get; init; }

    internal static RiskConfig Read(PresetObjectReader json)
    {
        var config = new RiskConfig
        {
            RiskPerTrade = json.Decimal("risk_per_trade", DecimalRange.AboveUpTo(0m, 0.05m), PresetUnits.FractionOfEquity),
            MaxConcurrentPositions = json.Int("max_concurrent_positions", new IntRange(1, 10), PresetUnits.Positions),
            DailyRiskLimit = json.Decimal("daily_risk_limit", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.FractionOfEquity),
            MaxPositionSizeUsd = json.OptionalDecimal("max_position_size_usd", DecimalRange.Positive, PresetUnits.Usd),
            KillSwitchLossLimit = json.Decimal("kill_switch_loss_limit", DecimalRange.AboveUpTo(0m, 1m), PresetUnits.FractionOfEquity),
            CorrelationLimit = json.Decimal("correlation_limit", DecimalRange.Closed(0m, 1m), PresetUnits.Correlation),
            MaxConsecutiveLosses = json.Int("max_consecutive_losses", new IntRange(1, 20), PresetUnits.Losses),
        };

        // A daily limit below one trade's risk would be breached by the first stopped-out trade.
        if (json.AreValid("daily_risk_limit", "risk_per_trade") && config.DailyRiskLimit < config.RiskPerTrade)
        {
            json.AddError("daily_risk_limit", string.Create(
                CultureInfo.InvariantCulture,
                $"must be at least risk_per_trade ({config.RiskPerTrade}); got {config.DailyRiskLimit}"));
        }

        // The kill switch is the harder stop; below the daily limit the daily limit could never act.
        if (json.AreValid("kill_switch_loss_limit", "daily_risk_limit") && config.KillSwitchLossLimit < config.DailyRiskLimit)
        {
            json.AddError("kill_switch_loss_limit", string.Create(
                CultureInfo.InvariantCulture,
                $"must be at least daily_risk_limit ({config.DailyRiskLimit}); got {config.KillSwitchLossLimit}"));
        }

        return config;
    }
}
