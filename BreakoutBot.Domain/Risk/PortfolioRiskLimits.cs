using System.Globalization;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Risk;

/// <summary>
/// The preset's account-level limits applied to live state: kill switch, drawdown from the UTC day start (unrealised
/// PnL included), daily loss limit, losing streak, concurrent positions (entries in flight count), one position per
/// symbol, and the cap on exposure correlated with BTC.
/// </summary>
public static class PortfolioRiskLimits
{
    /// <summary>Correlated exposure in one direction may be at most this share of all exposure (the original bot's 60 %).</summary>
    public const decimal CorrelatedExposureShareCap = 0.6m;

    /// <summary>Checks everything that does not depend on the new trade's size.</summary>
    public static PortfolioVerdict CheckEntry(RiskConfig limits, PortfolioState state, EntryCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(candidate);

        if (state.KillSwitch.BlocksEntries)
        {
            return PortfolioVerdict.Refused(RiskRejectionCode.KillSwitchTripped, $"kill switch tripped at {state.KillSwitch.TrippedAt:O}: {state.KillSwitch.Reason}");
        }

        var loss = state.DayStart.LossFraction(state.Equity);
        if (loss >= limits.KillSwitchLossLimit)
        {
            return PortfolioVerdict.Refused(
                RiskRejectionCode.KillSwitchTripped,
                $"down {Percent(loss)} since the UTC day started, at or beyond the kill-switch limit {Percent(limits.KillSwitchLossLimit)}",
                tripReason: $"daily drawdown {Percent(loss)} reached kill_switch_loss_limit {Percent(limits.KillSwitchLossLimit)}",
                tripFlatten: true);
        }

        if (state.ConsecutiveLosses >= limits.MaxConsecutiveLosses)
        {
            return PortfolioVerdict.Refused(
                RiskRejectionCode.ConsecutiveLosses,
                $"{state.ConsecutiveLosses} losing trades in a row (limit {limits.MaxConsecutiveLosses})",
                tripReason: $"{state.ConsecutiveLosses} consecutive losses reached max_consecutive_losses {limits.MaxConsecutiveLosses}",
                tripFlatten: false);
        }

        if (loss >= limits.DailyRiskLimit)
        {
            return PortfolioVerdict.Refused(RiskRejectionCode.DailyLossLimit, $"down {Percent(loss)} today, daily limit {Percent(limits.DailyRiskLimit)}; entries resume on the next UTC day");
        }

        if (state.Exposures.Any(exposure => exposure.Symbol == candidate.Symbol))
        {
            return PortfolioVerdict.Refused(RiskRejectionCode.SymbolAlreadyTraded, $"{candidate.Symbol} already has a position or an entry in flight");
        }

        if (state.Exposures.Count >= limits.MaxConcurrentPositions)
        {
            return PortfolioVerdict.Refused(RiskRejectionCode.MaxConcurrentPositions, $"{state.Exposures.Count} positions or entries already (limit {limits.MaxConcurrentPositions})");
        }

        return PortfolioVerdict.Allowed;
    }

    /// <summary>
    /// After sizing: a trade whose |correlation with BTC| reaches <c>correlation_limit</c> may not lift correlated exposure
    /// in its direction above <see cref="CorrelatedExposureShareCap"/> of all exposure. The first position is always allowed.
    /// </summary>
    public static PortfolioVerdict CheckCorrelatedExposure(RiskConfig limits, PortfolioState state, EntryCandidate candidate, decimal notional)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(candidate);

        if (candidate.BtcCorrelation is not { } correlation || Math.Abs(correlation) < limits.CorrelationLimit || state.Exposures.Count == 0)
        {
            return PortfolioVerdict.Allowed;
        }

        var correlated = state.Exposures
            .Where(exposure => exposure.Direction == candidate.Direction && exposure.BtcCorrelation is { } c && Math.Abs(c) >= limits.CorrelationLimit)
            .Sum(exposure => exposure.Notional) + notional;
        var total = state.Exposures.Sum(exposure => exposure.Notional) + notional;
        var share = correlated / total;
        return share > CorrelatedExposureShareCap
            ? PortfolioVerdict.Refused(RiskRejectionCode.CorrelatedExposure, $"{candidate.Direction} exposure correlated with BTC would be {Percent(share)} of all exposure (cap {Percent(CorrelatedExposureShareCap)})")
            : PortfolioVerdict.Allowed;
    }

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
