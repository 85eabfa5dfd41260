using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Data.Trading;

/// <summary>A closed position: the trade journal's row, realised PnL in USDT and R, fees included.</summary>
public sealed class TradeRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    public required string TradeId { get; set; }

    public required string PositionId { get; set; }

    public string? SignalId { get; set; }

    public required string Symbol { get; set; }

    public PositionDirection Direction { get; set; }

    public string? Strategy { get; set; }

    public decimal EntryPrice { get; set; }

    /// <summary>Quantity-weighted average of every exit fill.</summary>
    public decimal ExitPrice { get; set; }

    public decimal Quantity { get; set; }

    /// <summary>Net of fees and funding, USDT.</summary>
    public decimal RealizedPnl { get; set; }

    public decimal Fees { get; set; }

    /// <summary>Funding received while the position was open (negative when paid), USDT; included in <see cref="RealizedPnl"/>.</summary>
    public decimal Funding { get; set; }

    public decimal RMultiple { get; set; }

    /// <summary>USDT risked at entry (1 R).</summary>
    public decimal InitialRisk { get; set; }

    public required string ExitReason { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
}
