using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// A position under management, immutable: each rule application returns the next value. R is always measured against
/// the <em>initial</em> stop distance, however the stop moves later (the original bot re-measured it from the moved
/// stop and its second target collapsed onto the entry).
/// </summary>
public sealed record ManagedPosition
{
    public required string Id { get; init; }

    public required InstrumentSymbol Symbol { get; init; }

    public required PositionDirection Direction { get; init; }

    public required decimal EntryPrice { get; init; }

    public required decimal InitialStop { get; init; }

    public required decimal Stop { get; init; }

    public StopKind StopKind { get; init; } = StopKind.Initial;

    public required decimal OriginalQuantity { get; init; }

    public required decimal OpenQuantity { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required IReadOnlyList<TakeProfitTarget> Targets { get; init; }

    /// <summary>The level whose breakout opened the trade, for the failed-breakout exit; null when not applicable.</summary>
    public decimal? BreakoutLevel { get; init; }

    /// <summary>The most favourable price seen since entry (highest high for longs, lowest low for shorts).</summary>
    public required decimal BestPrice { get; init; }

    /// <summary>Closed bars evaluated since entry.</summary>
    public int BarsHeld { get; init; }

    public PositionStatus Status { get; init; } = PositionStatus.Open;

    /// <summary>|entry − initial stop| per unit: the 1 R of this trade.</summary>
    public decimal InitialRiskPerUnit => Math.Abs(EntryPrice - InitialStop);

    /// <summary>Profit at <paramref name="price"/> in R (per unit, against the initial risk).</summary>
    public decimal RMultipleAt(decimal price) => (price - EntryPrice) * Direction.Sign() / InitialRiskPerUnit;
}
