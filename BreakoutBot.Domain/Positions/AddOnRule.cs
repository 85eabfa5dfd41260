using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// One add to a winner (<c>position_config.add_on_enabled</c>, <c>add_on_max_size_pct</c>), at a bar's close: the
/// position is at least <see cref="MinR"/> in profit and price has pulled back to within <see cref="EmaBandFraction"/> of
/// EMA(<see cref="EmaPeriod"/>) of the closes (the original's rule). The add is <c>add_on_max_size_pct</c> of the open
/// quantity, cut so that the whole position, added quantity included, risks no more at its current stop than the
/// trade's first 1 R; floored to the lot step. Once per position.
/// </summary>
public static class AddOnRule
{
    /// <summary>Smallest profit, in R of the first entry, at which a position may be added to.</summary>
    public const decimal MinR = 0.5m;

    /// <summary>Period of the EMA price must have pulled back to.</summary>
    public const int EmaPeriod = 9;

    /// <summary>How close to the EMA the close must be, fraction of the EMA.</summary>
    public const decimal EmaBandFraction = 0.005m;

    /// <summary>The quantity to add at <paramref name="price"/>, or null when the rule does not add.</summary>
    /// <param name="ema">EMA(<see cref="EmaPeriod"/>) of the closes through this bar (<see cref="EmaOf"/>); null when not available.</param>
    /// <param name="alreadyAdded">Whether this position was added to before.</param>
    public static decimal? Quantity(ManagedPosition position, decimal price, decimal? ema, PositionConfig config, Instrument instrument, bool alreadyAdded)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(instrument);
        if (!config.AddOnEnabled || alreadyAdded || position.Status == PositionStatus.Closed || position.OpenQuantity <= 0
            || ema is not { } average || Math.Abs(price - average) > EmaBandFraction * average || position.RMultipleAt(price) < MinR)
        {
            return null;
        }

        var sign = position.Direction.Sign();
        var perUnit = (price - position.Stop) * sign;
        if (perUnit <= 0)
        {
            return null;
        }

        // What the open quantity would lose at the stop (negative once the stop is in profit) leaves this much of 1 R.
        var firstR = position.InitialRiskPerUnit * position.OriginalQuantity;
        var atStop = (position.EntryPrice - position.Stop) * sign * position.OpenQuantity;
        var withinRisk = (firstR - atStop) / perUnit;
        var quantity = instrument.FloorQuantityToStep(Math.Min(position.OpenQuantity * config.AddOnMaxSizePct, withinRisk));
        return quantity >= instrument.MinOrderQty && quantity > 0 ? quantity : null;
    }

    /// <summary>EMA(<see cref="EmaPeriod"/>) of the closes of <paramref name="history"/> (closed bars, oldest first); null until there are that many.</summary>
    public static decimal? EmaOf(IReadOnlyList<Candle> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < EmaPeriod)
        {
            return null;
        }

        // Ten periods of warm-up are enough for the seed to stop mattering at double precision.
        var ema = new ExponentialMovingAverage(EmaPeriod);
        for (var i = Math.Max(0, history.Count - (EmaPeriod * 10)); i < history.Count; i++)
        {
            var bar = history[i];
            ema.Add(new Ohlcv((double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume));
        }

        return double.IsFinite(ema.Value) ? (decimal)ema.Value : null;
    }

    /// <summary>The position after an add of <paramref name="quantity"/> at <paramref name="price"/>: the average entry moves, the stop and ladder stay.</summary>
    public static ManagedPosition Added(ManagedPosition position, decimal quantity, decimal price)
    {
        ArgumentNullException.ThrowIfNull(position);
        var total = position.OpenQuantity + quantity;
        return position with { EntryPrice = ((position.EntryPrice * position.OpenQuantity) + (price * quantity)) / total, OpenQuantity = total };
    }
}
