using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Positions;

/// <summary>
/// The rules that manage an open position, applied on each closed bar:
/// <list type="number">
/// <item>the stop first — when a bar touches both the stop and a target, the stop wins (we cannot know the order
/// inside the bar, so we assume the worse one); a gap through the stop fills at the open;</item>
/// <item>take-profit targets in ladder order, each for its own quantity of the original size;</item>
/// <item>time-based and early exits at the bar's close (max hold, time stop if not in profit, weak impulse, failed breakout,
/// activity drop, volatility spike against the position — the last two from <see cref="ExitInputs"/>);</item>
/// <item>stop moves for the next bar: breakeven at its trigger R (plus buffer), then trailing from its activation R
/// (step, chandelier or ATR). The stop only ever moves towards profit.</item>
/// </list>
/// </summary>
public static class PositionRules
{
    public static BarOutcome ApplyBar(ManagedPosition position, Candle bar, PositionConfig config, Instrument instrument, TrailingInputs trailing = default, ExitInputs market = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(bar);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(instrument);
        if (position.Status == PositionStatus.Closed)
        {
            return new BarOutcome(position, [], null);
        }

        var isLong = position.Direction == PositionDirection.Long;
        var exits = new List<PositionExit>();
        var at = bar.CloseTime;

        // 1. Stop first.
        var stopTouched = isLong ? bar.Low <= position.Stop : bar.High >= position.Stop;
        if (stopTouched)
        {
            var gapped = isLong ? bar.Open < position.Stop : bar.Open > position.Stop;
            var price = gapped ? bar.Open : position.Stop;
            exits.Add(Exit(position, position.OpenQuantity, price, StopReason(position.StopKind), null, at));
            return new BarOutcome(Close(position, bar), exits, null);
        }

        // 2. Targets.
        var openQuantity = position.OpenQuantity;
        var targets = position.Targets.ToList();
        for (var i = 0; i < targets.Count && openQuantity > 0; i++)
        {
            var target = targets[i];
            var reached = isLong ? bar.High >= target.Price : bar.Low <= target.Price;
            if (target.IsFilled || !reached)
            {
                continue;
            }

            var gapped = isLong ? bar.Open > target.Price : bar.Open < target.Price;
            var quantity = Math.Min(target.Quantity, openQuantity);
            exits.Add(Exit(position, quantity, gapped ? bar.Open : target.Price, ExitReason.TakeProfit, target.Name, at));
            openQuantity -= quantity;
            targets[i] = target with { IsFilled = true };
        }

        var next = position with
        {
            OpenQuantity = openQuantity,
            Targets = targets,
            BarsHeld = position.BarsHeld + 1,
            BestPrice = isLong ? Math.Max(position.BestPrice, bar.High) : Math.Min(position.BestPrice, bar.Low),
            Status = openQuantity == 0 ? PositionStatus.Closed : openQuantity < position.OriginalQuantity ? PositionStatus.PartiallyClosed : PositionStatus.Open,
        };
        if (next.Status == PositionStatus.Closed)
        {
            return new BarOutcome(next, exits, null);
        }

        // 3. Exits at the close.
        if (CloseExitReason(next, bar, config.ExitRules, market) is { } reason)
        {
            exits.Add(Exit(next, next.OpenQuantity, bar.Close, reason, null, at));
            return new BarOutcome(Close(next, bar), exits, null);
        }

        // 4. Stop moves, effective from the next bar.
        var move = NextStop(next, bar, config, instrument, trailing);
        if (move is not null)
        {
            next = next with { Stop = move.To, StopKind = move.Kind };
        }

        return new BarOutcome(next, exits, move);
    }

    /// <summary>
    /// An operator closes <paramref name="percent"/> (0–100] of what is open at <paramref name="price"/>; the quantity
    /// is rounded down to the lot step, and 100 % always closes everything.
    /// </summary>
    public static (ManagedPosition Position, PositionExit? Exit, string? Refusal) CloseManually(
        ManagedPosition position, decimal percent, decimal price, DateTimeOffset at, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(instrument);
        if (position.Status == PositionStatus.Closed)
        {
            return (position, null, "the position is already closed");
        }

        if (percent is <= 0 or > 100)
        {
            return (position, null, $"percent must be in (0, 100], got {percent}");
        }

        var quantity = percent == 100 ? position.OpenQuantity : instrument.FloorQuantityToStep(position.OpenQuantity * percent / 100);
        if (quantity <= 0)
        {
            return (position, null, $"{percent} % of {position.OpenQuantity} rounds down to nothing at lot step {instrument.QtyStep}");
        }

        var exit = Exit(position, quantity, price, ExitReason.Manual, null, at);
        var open = position.OpenQuantity - quantity;
        return (position with { OpenQuantity = open, Status = open == 0 ? PositionStatus.Closed : PositionStatus.PartiallyClosed }, exit, null);
    }

    /// <summary>
    /// An operator moves the stop to the entry plus <paramref name="bufferBps"/>. Refused when the market is not beyond
    /// that price (the stop would fill at once) or when the stop is already at or beyond it.
    /// </summary>
    public static (ManagedPosition Position, StopMove? Move, string? Refusal) MoveStopToBreakeven(
        ManagedPosition position, decimal marketPrice, decimal bufferBps, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(instrument);
        if (position.Status == PositionStatus.Closed)
        {
            return (position, null, "the position is already closed");
        }

        var target = BreakevenPrice(position, bufferBps, instrument);
        if ((marketPrice - target) * position.Direction.Sign() <= 0)
        {
            return (position, null, $"the market {marketPrice} is not beyond the breakeven price {target}; the stop would fill at once");
        }

        return BreakevenAfterTakeProfit(position, bufferBps, instrument);
    }

    /// <summary>
    /// The automatic move after the first take-profit fills: the stop goes to the entry plus <paramref name="bufferBps"/>
    /// wherever the market is. A level the price has already passed is the breakeven stop being hit, so the executor exits
    /// at market where it would place that stop. Refused only when the stop is already at or beyond breakeven.
    /// </summary>
    public static (ManagedPosition Position, StopMove? Move, string? Refusal) BreakevenAfterTakeProfit(
        ManagedPosition position, decimal bufferBps, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(instrument);
        if (position.Status == PositionStatus.Closed)
        {
            return (position, null, "the position is already closed");
        }

        var target = BreakevenPrice(position, bufferBps, instrument);
        if ((target - position.Stop) * position.Direction.Sign() <= 0)
        {
            return (position, null, $"the stop {position.Stop} is already at or beyond breakeven {target}");
        }

        var move = new StopMove(position.Stop, target, StopKind.Breakeven);
        return (position with { Stop = target, StopKind = StopKind.Breakeven }, move, null);
    }

    private static ExitReason? CloseExitReason(ManagedPosition position, Candle bar, ExitRulesConfig rules, ExitInputs market)
    {
        var held = bar.CloseTime - position.OpenedAt;
        if (held >= TimeSpan.FromHours((double)rules.MaxHoldTimeHours))
        {
            return ExitReason.MaxHoldTime;
        }

        if (rules.TimeStopMinutes is { } minutes && held >= TimeSpan.FromMinutes(minutes) && position.RMultipleAt(bar.Close) <= 0)
        {
            return ExitReason.TimeStop;
        }

        if (rules.WeakImpulseEnabled && position.BarsHeld >= rules.WeakImpulseCheckBars)
        {
            var bestMovePercent = (position.BestPrice - position.EntryPrice) * position.Direction.Sign() / position.EntryPrice * 100;
            if (bestMovePercent < rules.WeakImpulseMinMovePct)
            {
                return ExitReason.WeakImpulse;
            }
        }

        if (rules.FailedBreakoutEnabled && position.BreakoutLevel is { } level && position.BarsHeld <= rules.FailedBreakoutBars
            && GaveBackBreakout(position, level, bar.Close, rules.FailedBreakoutRetestThreshold))
        {
            return ExitReason.FailedBreakout;
        }

        if (rules.ActivityDropEnabled && market.ActivityDrop is { } drop && drop >= rules.ActivityDropThreshold)
        {
            return ExitReason.ActivityDrop;
        }

        // A wide bar in the trade's favour is the move we want; only one against it is a reason to leave.
        if (rules.VolatilityExitEnabled && market.VolatilitySpike is { } spike && spike >= rules.VolatilitySpikeThreshold
            && (bar.Close - bar.Open) * position.Direction.Sign() < 0)
        {
            return ExitReason.VolatilitySpike;
        }

        return null;
    }

    /// <summary>
    /// <c>failed_breakout_retest_threshold</c> as documented: the close gave back at least that share of the breakout move
    /// (from the level to the best price since entry), or closed back through the level when there was no move beyond it.
    /// </summary>
    private static bool GaveBackBreakout(ManagedPosition position, decimal level, decimal close, decimal threshold)
    {
        var sign = position.Direction.Sign();
        var move = (position.BestPrice - level) * sign;
        return move > 0
            ? (position.BestPrice - close) * sign >= threshold * move
            : (close - level) * sign < 0;
    }

    private static StopMove? NextStop(ManagedPosition position, Candle bar, PositionConfig config, Instrument instrument, TrailingInputs trailing)
    {
        var sign = position.Direction.Sign();
        var bestR = position.RMultipleAt(position.BestPrice);
        var candidate = position.Stop;
        var kind = position.StopKind;

        if (config.BreakevenEnabled && bestR >= config.BreakevenTriggerR)
        {
            var breakeven = BreakevenPrice(position, config.BreakevenBufferBps, instrument);
            if ((breakeven - candidate) * sign > 0)
            {
                candidate = breakeven;
                kind = StopKind.Breakeven;
            }
        }

        if (config.TrailingEnabled && bestR >= config.TrailingActivationR && TrailingStop(position, bar, config, trailing) is { } trail)
        {
            var snapped = position.Direction == PositionDirection.Long ? instrument.FloorPriceToTick(trail) : instrument.CeilingPriceToTick(trail);

            // A trail is never placed on the wrong side of the bar's close: it would fill at once.
            if ((bar.Close - snapped) * sign > 0 && (snapped - candidate) * sign > 0)
            {
                candidate = snapped;
                kind = StopKind.Trailing;
            }
        }

        return candidate == position.Stop ? null : new StopMove(position.Stop, candidate, kind);
    }

    private static decimal? TrailingStop(ManagedPosition position, Candle bar, PositionConfig config, TrailingInputs trailing)
    {
        var sign = position.Direction.Sign();
        return config.SlMode switch
        {
            StopLossMode.Fixed => position.BestPrice * (1 - (sign * config.TrailingStepBps / 10_000m)),
            StopLossMode.Chandelier when trailing is { Atr: { } atr, ChandelierExtreme: { } extreme } => extreme - (sign * config.ChandelierAtrMult * atr),
            StopLossMode.Atr when trailing.Atr is { } atr => bar.Close - (sign * config.ChandelierAtrMult * atr),
            _ => null,
        };
    }

    private static decimal BreakevenPrice(ManagedPosition position, decimal bufferBps, Instrument instrument)
    {
        var raw = position.EntryPrice * (1 + (position.Direction.Sign() * bufferBps / 10_000m));

        // Round away from the entry so the buffer (which covers fees) is never eaten by the tick.
        return position.Direction == PositionDirection.Long ? instrument.CeilingPriceToTick(raw) : instrument.FloorPriceToTick(raw);
    }

    /// <summary>The exit reason of a stop of this kind being hit.</summary>
    public static ExitReason StopReason(StopKind kind) => kind switch
    {
        StopKind.Breakeven => ExitReason.BreakevenStop,
        StopKind.Trailing => ExitReason.TrailingStop,
        _ => ExitReason.StopLoss,
    };

    private static PositionExit Exit(ManagedPosition position, decimal quantity, decimal price, ExitReason reason, string? level, DateTimeOffset at) =>
        new(quantity, price, reason, level, at, position.RMultipleAt(price));

    private static ManagedPosition Close(ManagedPosition position, Candle bar) =>
        position with { OpenQuantity = 0, Status = PositionStatus.Closed, BarsHeld = position.BarsHeld + 1 };
}
