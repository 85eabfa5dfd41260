using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Risk;

/// <summary>
/// Everything sizing needs. <see cref="Entry"/> must be the price the order will really execute at (the executable
/// side of the book), not the level that was broken: sizing from the level understated the risk in the original bot.
/// </summary>
public sealed record PositionSizingRequest
{
    /// <summary>Account equity in USDT: wallet balance plus unrealised PnL.</summary>
    public required decimal Equity { get; init; }

    /// <summary>Fraction of equity to lose at the stop, e.g. 0.01 = 1 %.</summary>
    public required decimal RiskFraction { get; init; }

    public required PositionDirection Direction { get; init; }

    public required decimal Entry { get; init; }

    public required decimal Stop { get; init; }

    public required Instrument Instrument { get; init; }

    /// <summary>Notional cap per position in USDT (<c>max_position_size_usd</c>); null = none.</summary>
    public decimal? MaxPositionNotional { get; init; }

    /// <summary>Leverage the position may use: notional ≤ equity × leverage. Null = the instrument's maximum.</summary>
    public decimal? Leverage { get; init; }

    /// <summary>Visible depth on the side the entry takes, in USDT within the execution band; null = not capped by depth.</summary>
    public decimal? AvailableDepthNotional { get; init; }

    /// <summary>Share of <see cref="AvailableDepthNotional"/> the entry may take, (0, 1].</summary>
    public decimal MaxDepthFraction { get; init; } = 1m;

    /// <summary>Taker fee as a fraction (0.00055 = 5.5 bps), counted twice (entry and stop exit) into the risk.</summary>
    public decimal TakerFeeRate { get; init; }
}
