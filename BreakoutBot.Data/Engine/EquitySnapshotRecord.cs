namespace BreakoutBot.Data.Engine;

/// <summary>Account equity at a moment (every minute and on every fill): the equity curve.</summary>
public sealed class EquitySnapshotRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    public long Id { get; set; }

    /// <summary>When the wallet was read, on the venue's clock (as fills and trades are), so the curve lines up with them.</summary>
    public DateTimeOffset At { get; set; }

    public decimal Equity { get; set; }

    public decimal WalletBalance { get; set; }

    public decimal UnrealizedPnl { get; set; }

    public int OpenPositions { get; set; }

    /// <summary>Fraction below the running peak, 0-1.</summary>
    public decimal Drawdown { get; set; }
}
