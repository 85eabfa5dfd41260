using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Execution;

/// <summary>
/// Turns a sized entry into orders as the preset's execution config says. The book's depth within
/// <see cref="DepthBandBps"/> of the touch on the taking side bounds every slice at <c>max_depth_fraction</c> of it;
/// with TWAP on, an entry of at least <c>iceberg_min_notional</c> is cut into
/// <c>clamp(⌈notional / slice cap⌉, twap_min_slices, twap_max_slices)</c> slices, spaced so that every slice starts
/// (and every passive window ends) before the deadman timeout. With iceberg on, a slice rests as a post-only limit
/// <c>limit_offset_bps</c> behind the touch while the spread is at most <c>spread_widen_bps</c>, else it goes at market.
/// </summary>
public static class EntryPlanner
{
    /// <summary>The band the depth guard measures: what a market order can take while moving the price this far.</summary>
    public const decimal DepthBandBps = 5m;

    private const decimal BpsPerUnit = 10_000m;

    /// <summary>
    /// The notional the whole entry may take from a book with <paramref name="depthNotional"/> on its side: one slice's
    /// share with TWAP off, one share per slice at most with TWAP on. Feed it to the sizer with <c>MaxDepthFraction</c>.
    /// </summary>
    public static decimal DepthAllowance(ExecutionConfig config, decimal depthNotional)
    {
        ArgumentNullException.ThrowIfNull(config);
        return depthNotional * (config.EnableTwap ? config.TwapMaxSlices : 1);
    }

    /// <summary>The visible notional a <paramref name="direction"/> entry would take from, within <see cref="DepthBandBps"/> of the touch.</summary>
    public static decimal TakingDepth(OrderBookSnapshot book, PositionDirection direction)
    {
        ArgumentNullException.ThrowIfNull(book);
        var depth = book.DepthWithinBpsOfBestPrices(DepthBandBps);
        return direction == PositionDirection.Long ? depth.AskNotional : depth.BidNotional;
    }

    public static EntryPlan Plan(ExecutionConfig config, Instrument instrument, decimal quantity, decimal price, decimal? depthNotional)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var deadline = TimeSpan.FromMilliseconds(config.DeadmanTimeoutMs);
        var notional = quantity * price;
        var count = SliceCount(config, notional, depthNotional);
        var slices = Split(instrument, quantity, price, count);
        var interval = slices.Count > 1
            ? TimeSpan.FromSeconds((double)Math.Min(config.TwapIntervalSeconds, (decimal)deadline.TotalSeconds / slices.Count))
            : TimeSpan.Zero;
        var passiveWindow = slices.Count > 1 ? interval : deadline;
        return new EntryPlan(slices, interval, passiveWindow, deadline, config.EnableIceberg);
    }

    /// <summary>A slice's order type from the current book: passive while the spread allows, market otherwise.</summary>
    public static SliceOrder ChooseOrder(ExecutionConfig config, EntryPlan plan, Instrument instrument, OrderSide side, decimal? bestBid, decimal? bestAsk)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(instrument);
        if (!plan.PassiveAllowed)
        {
            return SliceOrder.Market("iceberg off");
        }

        if (bestBid is not { } bid || bestAsk is not { } ask || bid <= 0 || ask <= bid)
        {
            return SliceOrder.Market("no two-sided book");
        }

        var spreadBps = (ask - bid) / ((ask + bid) / 2) * BpsPerUnit;
        if (spreadBps > config.SpreadWidenBps)
        {
            return SliceOrder.Market($"spread {Text(decimal.Round(spreadBps, 2))} bps above {Text(config.SpreadWidenBps)}");
        }

        var offset = config.LimitOffsetBps / BpsPerUnit;
        var limit = side == OrderSide.Buy
            ? instrument.FloorPriceToTick(bid * (1 - offset))
            : instrument.CeilingPriceToTick(ask * (1 + offset));
        return limit > 0 && instrument.CheckPrice(limit) == InstrumentRuleViolation.None
            ? SliceOrder.Passive(limit, $"post-only {Text(config.LimitOffsetBps)} bps behind the touch")
            : SliceOrder.Market("passive price outside the venue's price rules");
    }

    private static int SliceCount(ExecutionConfig config, decimal notional, decimal? depthNotional)
    {
        if (!config.EnableTwap || notional < config.IcebergMinNotional)
        {
            return 1;
        }

        if (depthNotional is not { } depth || depth * config.MaxDepthFraction <= 0)
        {
            return config.TwapMinSlices;
        }

        var sliceCap = depth * config.MaxDepthFraction;
        if (notional >= sliceCap * config.TwapMaxSlices)
        {
            return config.TwapMaxSlices;
        }

        return Math.Clamp((int)Math.Ceiling(notional / sliceCap), config.TwapMinSlices, config.TwapMaxSlices);
    }

    /// <summary>
    /// Equal slices on the lot step with the remainder on the last; fewer slices when equal ones would fall below the
    /// venue's minimum order size, one at least.
    /// </summary>
    private static List<decimal> Split(Instrument instrument, decimal quantity, decimal price, int count)
    {
        var minimum = instrument.MinimumQuantityAt(price);
        count = (int)Math.Max(1, Math.Min(count, Math.Floor(quantity / minimum)));
        var slice = instrument.FloorQuantityToStep(quantity / count);
        while (count > 1 && slice < minimum)
        {
            count--;
            slice = instrument.FloorQuantityToStep(quantity / count);
        }

        var slices = Enumerable.Repeat(slice, count - 1).ToList();
        slices.Add(quantity - (slice * (count - 1)));
        return slices;
    }

    private static string Text(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
