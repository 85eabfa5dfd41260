namespace BreakoutBot.Domain.Risk;

/// <summary>The account as the risk limits need it, taken from live state (the venue's wallet and positions).</summary>
public sealed record PortfolioState
{
    /// <summary>Wallet balance plus unrealised PnL, in USDT.</summary>
    public required decimal Equity { get; init; }

    public required DailyEquityBaseline DayStart { get; init; }

    /// <summary>Open positions and entries in flight.</summary>
    public required IReadOnlyList<OpenExposure> Exposures { get; init; }

    /// <summary>Losing trades in a row, most recent first counted; a win resets it.</summary>
    public required int ConsecutiveLosses { get; init; }

    public required KillSwitch KillSwitch { get; init; }
}
