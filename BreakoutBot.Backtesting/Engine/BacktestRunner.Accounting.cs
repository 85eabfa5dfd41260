using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>The account of a backtest: every cash movement (fees, exits, funding) belongs to a trade.</summary>
public sealed partial class BacktestRunner
{
    private void Book(OpenTrade trade, PositionExit exit, Instrument instrument)
    {
        var position = trade.Position;
        var sign = position.Direction.Sign();
        var isLimit = exit.Reason == ExitReason.TakeProfit;
        var price = isLimit ? exit.Price : Slipped(exit.Price, -sign, instrument, position.Direction);
        var gross = (price - position.EntryPrice) * exit.Quantity * sign;
        var fee = Money(price * exit.Quantity * (isLimit ? MakerFee : TakerFee));
        _cash += gross - fee;
        trade.GrossPnl += gross;
        trade.Fees += fee;
        trade.ExitNotional += price * exit.Quantity;
        trade.ExitQuantity += exit.Quantity;
        trade.LastExitReason = exit.Reason.ToString();
    }

    /// <summary>A market fill worse than <paramref name="price"/> by the slippage: down for a long's exit, up for a short's.</summary>
    private decimal Slipped(decimal price, int towards, Instrument instrument, PositionDirection direction)
    {
        var slipped = price * (1 + (towards * settings.SlippageBps / 10_000m));
        return direction == PositionDirection.Long ? instrument.FloorPriceToTick(slipped) : instrument.CeilingPriceToTick(slipped);
    }

    private void Finish(OpenTrade trade, DateTimeOffset closedAt)
    {
        var position = trade.Position;
        _open.Remove(position.Symbol);
        var record = new BacktestTrade(
            position.Symbol, position.Direction, position.OpenedAt, closedAt, position.EntryPrice,
            trade.ExitQuantity == 0 ? position.EntryPrice : trade.ExitNotional / trade.ExitQuantity,
            position.OriginalQuantity + trade.AddedQuantity, position.InitialStop, trade.GrossPnl, trade.Fees, trade.Funding,
            RMultiple: 0m, trade.LastExitReason, trade.Bars);
        record = record with { RMultiple = trade.FirstRisk > 0 ? record.NetPnl / trade.FirstRisk : 0m };
        _trades.Add(record);
        _risk.RecordTradeResult(record.NetPnl);
    }

    /// <summary>
    /// The add-on rule at this bar's close (<see cref="AddOnRule"/>): a market buy (sell for a short) at the close, worse by
    /// the slippage, paying the taker fee; once per trade.
    /// </summary>
    private void MaybeAddOn(SymbolCursor cursor, OpenTrade trade, Candle bar)
    {
        var config = settings.Preset.PositionConfig;
        if (!config.AddOnEnabled || trade.AddedQuantity > 0 || trade.Position.Status == PositionStatus.Closed
            || AddOnRule.Quantity(trade.Position, bar.Close, AddOnRule.EmaOf(cursor.History), config, cursor.Instrument, alreadyAdded: false) is not { } quantity)
        {
            return;
        }

        var direction = trade.Position.Direction;
        var slipped = bar.Close * (1 + (direction.Sign() * settings.SlippageBps / 10_000m));
        var price = direction == PositionDirection.Long ? cursor.Instrument.CeilingPriceToTick(slipped) : cursor.Instrument.FloorPriceToTick(slipped);
        var fee = Money(price * quantity * TakerFee);
        _cash -= fee;
        trade.Fees += fee;
        trade.AddedQuantity = quantity;
        trade.Position = AddOnRule.Added(trade.Position, quantity, price);
    }

    private void SettleFunding(DateTimeOffset closeTime)
    {
        if (closeTime.UtcTicks % settings.FundingInterval.Ticks != 0)
        {
            return;
        }

        foreach (var trade in _open.Values.OrderBy(open => open.Position.Symbol.Value, StringComparer.Ordinal))
        {
            var position = trade.Position;
            var received = -Money(position.Direction.Sign() * position.OpenQuantity * _lastClose[position.Symbol] * settings.FundingRate);
            _cash += received;
            trade.Funding += received;
        }
    }

    private void CloseAtMarket(OpenTrade trade, Instrument instrument, decimal price, DateTimeOffset at, string reason)
    {
        var position = trade.Position;
        Book(trade, new PositionExit(position.OpenQuantity, price, ExitReason.Manual, null, at, 0m), instrument);
        trade.LastExitReason = reason;
        trade.Position = position with { OpenQuantity = 0, Status = PositionStatus.Closed };
        Finish(trade, at);
    }

    private void CloseAtEndOfData(List<SymbolCursor> cursors)
    {
        foreach (var trade in _open.Values.OrderBy(open => open.Position.Symbol.Value, StringComparer.Ordinal).ToList())
        {
            var cursor = cursors.Single(candidate => candidate.Instrument.Symbol == trade.Position.Symbol);
            var last = cursor.History[^1];
            CloseAtMarket(trade, cursor.Instrument, last.Close, last.CloseTime, EndOfData);
        }

        if (_equity.Count > 0)
        {
            // The last close's equity is what closing everything at it left: the exits' slippage and fees included.
            _equity[^1] = new EquitySnapshot(_equity[^1].At, _cash);
        }
    }

    /// <summary>
    /// Bybit's initial-margin check, as the simulator makes it: the entry's value ÷ leverage plus its taker fee must fit
    /// the equity less the initial margin of the open positions (their value at the last close ÷ leverage).
    /// </summary>
    private bool MarginCarries(decimal notional, decimal equity)
    {
        var tiedUp = _open.Values.Sum(open => open.Position.OpenQuantity * _lastClose[open.Position.Symbol]) / settings.Leverage;
        var required = (notional / settings.Leverage) + (notional * TakerFee);
        return required <= equity - tiedUp;
    }

    private decimal Equity()
    {
        var equity = _cash;
        foreach (var trade in _open.Values)
        {
            equity += trade.UnrealisedAt(_lastClose[trade.Position.Symbol]);
        }

        return equity;
    }

    /// <summary>Fees and funding are booked to 8 decimals (USDT's precision on the venue).</summary>
    private static decimal Money(decimal amount) => decimal.Round(amount, 8, MidpointRounding.ToEven);
}
