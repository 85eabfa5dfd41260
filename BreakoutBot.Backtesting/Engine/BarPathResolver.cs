using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>
/// A bar that touches both the stop and a take-profit target says nothing about which came first. The position rules
/// assume the stop (the worse case). With the path inside the bar — the symbol's trade tape where the data has one,
/// else <see cref="IntrabarPath"/>, the seeded model the simulator trades on — the backtest asks the path instead:
/// targets the price reaches before it first touches the stop fill at their price, and whatever is left then stops
/// out. When the path reaches the stop first (or the bar is not ambiguous, or the path is empty) there is nothing to
/// resolve and the position rules decide.
/// </summary>
public static class BarPathResolver
{
    /// <summary>Along the seeded OHLC model of the bar (the simulator's <see cref="IntrabarPath"/>).</summary>
    public static BarOutcome? TargetsBeforeStop(ManagedPosition position, Candle bar, Instrument instrument, int barIndex, int seed) =>
        TargetsBeforeStop(position, bar, () => ModelPath(bar, instrument, barIndex, seed));

    /// <summary>The outcome when the path reaches at least one target before the stop; otherwise null.</summary>
    /// <param name="path">The prices inside the bar in order; asked for only when the bar is ambiguous.</param>
    public static BarOutcome? TargetsBeforeStop(ManagedPosition position, Candle bar, Func<IReadOnlyList<decimal>> path)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(path);
        var isLong = position.Direction == PositionDirection.Long;
        var stopTouched = isLong ? bar.Low <= position.Stop : bar.High >= position.Stop;
        var anyTarget = position.Targets.Any(target => !target.IsFilled && (isLong ? bar.High >= target.Price : bar.Low <= target.Price));
        if (position.Status == PositionStatus.Closed || !stopTouched || !anyTarget || Touches(bar.Open, position.Stop, isLong))
        {
            return null;
        }

        var prices = path();
        var stopAt = -1;
        for (var index = 0; index < prices.Count && stopAt < 0; index++)
        {
            stopAt = Touches(prices[index], position.Stop, isLong) ? index : -1;
        }

        if (stopAt == 0 || prices.Count == 0)
        {
            return null;
        }

        var beforeStop = stopAt < 0 ? prices.Count : stopAt;
        var exits = new List<PositionExit>();
        var targets = position.Targets.ToList();
        var open = position.OpenQuantity;
        for (var i = 0; i < targets.Count && open > 0; i++)
        {
            var target = targets[i];
            if (target.IsFilled || !Reached(prices, beforeStop, target.Price, !isLong))
            {
                continue;
            }

            var quantity = Math.Min(target.Quantity, open);
            exits.Add(new PositionExit(quantity, target.Price, ExitReason.TakeProfit, target.Name, bar.CloseTime, position.RMultipleAt(target.Price)));
            open -= quantity;
            targets[i] = target with { IsFilled = true };
        }

        if (exits.Count == 0)
        {
            return null;
        }

        if (open > 0)
        {
            exits.Add(new PositionExit(open, position.Stop, PositionRules.StopReason(position.StopKind), null, bar.CloseTime, position.RMultipleAt(position.Stop)));
        }

        var closed = position with { OpenQuantity = 0, Targets = targets, Status = PositionStatus.Closed, BarsHeld = position.BarsHeld + 1 };
        return new BarOutcome(closed, exits, null);
    }

    private static bool Touches(decimal price, decimal level, bool below) => below ? price <= level : price >= level;

    private static bool Reached(IReadOnlyList<decimal> prices, int count, decimal level, bool below)
    {
        for (var index = 0; index < count; index++)
        {
            if (Touches(prices[index], level, below))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal[] ModelPath(Candle bar, Instrument instrument, int barIndex, int seed)
    {
        var tape = IntrabarPath.Generate(instrument, bar, barIndex, unchecked(SyntheticSeeds.Of(instrument.Symbol, barIndex) ^ seed));
        var prices = new decimal[tape.Count];
        for (var index = 0; index < prices.Length; index++)
        {
            prices[index] = tape.PriceOf(index);
        }

        return prices;
    }
}
