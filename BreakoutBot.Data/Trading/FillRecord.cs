using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Data.Trading;

/// <summary>One venue execution; the execution id as key makes a duplicate push change nothing.</summary>
public sealed class FillRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    public required string ExecutionId { get; set; }

    public required string OrderId { get; set; }

    public string? PositionId { get; set; }

    public required string Symbol { get; set; }

    public OrderSide Side { get; set; }

    public decimal Price { get; set; }

    public decimal Quantity { get; set; }

    /// <summary>Fee paid in USDT (negative for a rebate).</summary>
    public decimal Fee { get; set; }

    public LiquidityRole Liquidity { get; set; }

    public DateTimeOffset ExecutedAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
