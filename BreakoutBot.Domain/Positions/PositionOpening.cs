using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// Builds a <see cref="ManagedPosition"/> from a filled entry: stop, and the TP ladder on tick and lot step. Rungs
/// placed <c>smart</c> or <c>adaptive</c> are moved by <see cref="TakeProfitPlacer"/> when a placement is
/// given.
/// </summary>
public static class PositionOpening
{
    /// <exception cref="ArgumentException">The stop is not on the losing side of the entry, or the quantity is not positive.</exception>
    public static ManagedPosition Open(
        string id,
        Instrument instrument,
        PositionDirection direction,
        decimal entryPrice,
        decimal stop,
        decimal quantity,
        DateTimeOffset openedAt,
        IReadOnlyList<TakeProfitLevel> ladder,
        decimal? breakoutLevel = null,
        (TakeProfitSmartPlacement Rules, TakeProfitMarket Market)? placement = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var sign = direction.Sign();
        var risk = (entryPrice - stop) * sign;
        if (risk <= 0)
        {
            throw new ArgumentException($"A {direction} stop must be on the losing side of the entry {entryPrice}; got {stop}.", nameof(stop));
        }

        var targets = new List<TakeProfitTarget>();
        var allocated = 0m;
        foreach (var level in ladder.OrderBy(level => level.RewardMultiple))
        {
            var rawPrice = entryPrice + (sign * risk * level.RewardMultiple);
            if (level.PlacementMode != TakeProfitPlacementMode.Fixed && placement is { } smart)
            {
                rawPrice = TakeProfitPlacer.Place(rawPrice, entryPrice, direction, smart.Rules, smart.Market);
            }

            // Round targets towards the entry, so a target is never further away than its R promises.
            var price = direction == PositionDirection.Long ? instrument.FloorPriceToTick(rawPrice) : instrument.CeilingPriceToTick(rawPrice);
            var size = instrument.FloorQuantityToStep(quantity * level.SizePct);
            size = Math.Min(size, quantity - allocated);
            if (size <= 0)
            {
                continue;
            }

            allocated += size;
            targets.Add(new TakeProfitTarget(level.LevelName, level.RewardMultiple, price, size));
        }

        return new ManagedPosition
        {
            Id = id,
            Symbol = instrument.Symbol,
            Direction = direction,
            EntryPrice = entryPrice,
            InitialStop = stop,
            Stop = stop,
            OriginalQuantity = quantity,
            OpenQuantity = quantity,
            OpenedAt = openedAt,
            Targets = targets,
            BreakoutLevel = breakoutLevel,
            BestPrice = entryPrice,
        };
    }
}
