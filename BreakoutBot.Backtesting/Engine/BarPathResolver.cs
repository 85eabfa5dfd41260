using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>
/// A bar that touches both the stop and a take-profit target says nothing about which came first. The position rules
/// assume the stop (the worse case). With a model of the path inside the bar — <see cref="IntrabarPath"/>, the seeded
/// rule the simulator trades on — the backtest asks the path instead: targets the price reaches before it first touches
/// the stop fill at their price, and whatever is left then stops out. When the path reaches the stop first (or the bar
/// is not ambiguous) there is nothing to resolve and the position rules decide.
/// </summary>
public static class BarPathResolver
{
    /// <summary>The outcome when the path reaches at least one target before the stop; otherwise null.</summary>
    public static BarOutcome? TargetsBeforeStop(ManagedPosition position, Candle bar, Instrument instrument, int barIndex, int seed)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(bar);
        var isLong = position.Direction == PositionDirection.Long;
        bool Touches(decimal price, decimal level, bool below) => below ? price <= level : price >= level;
        var stopTouched = isLong ? bar.Low <= position.Stop : bar.High >= position.Stop;
        var anyTarget = position.Targets.Any(target => !target.IsFilled && (isLong ? bar.High >= target.Price : bar.Low <= target.Price));
        if (position.Status == PositionStatus.Closed || !stopTouched || !anyTarget || Touches(bar.Open, position.Stop, isLong))
        {
            return null;
        }

        var tape = IntrabarPath.Generate(instrument, bar, barIndex, unchecked(SyntheticSeeds.Of(instrument.Symbol, barIndex) ^ seed));
        var stopAt = Enumerable.Range(0, tape.Count).FirstOrDefault(index => Touches(tape.PriceOf(index), position.Stop, isLong), -1);
        if (stopAt <= 0)
        {
            return null;
        }

        var exits = new List<PositionExit>();
        var targets = position.Targets.ToList();
        var open = position.OpenQuantity;
        for (var i = 0; i < targets.Count && open > 0; i++)
        {
            var target = targets[i];
            var reachedFirst = !target.IsFilled && Enumerable.Range(0, stopAt).Any(index => Touches(tape.PriceOf(index), target.Price, !isLong));
            if (!reachedFirst)
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
}
