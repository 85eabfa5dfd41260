using System.Globalization;
using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Simulator.Trading;

// Margin, liquidation and funding: initial margin checked when an order could add exposure (110007), maintenance
// margin by risk-limit tier, liquidation of the account when its equity no longer covers it, funding settled at every
// funding time, and the transaction log those leave.
public sealed partial class SimulatedExchange
{
    private readonly List<TransactionLogEntry> _transactions = [];
    private readonly List<FundingSettlement> _fundingHistory = [];
    private readonly HashSet<string> _liquidationOrders = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastFundingTime;

    /// <summary>The account's transaction log, newest first.</summary>
    public IReadOnlyList<TransactionLogEntry> Transactions(InstrumentSymbol? symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return [.. _transactions.AsEnumerable().Reverse().Where(entry => symbol is null || entry.Symbol == symbol)];
        }
    }

    /// <summary>Funding rates applied so far for <paramref name="symbol"/>, newest first.</summary>
    public IReadOnlyList<FundingSettlement> FundingHistory(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return [.. _fundingHistory.AsEnumerable().Reverse().Where(settlement => settlement.Symbol == symbol)];
        }
    }

    /// <summary>True when the order was placed by the venue's liquidation engine.</summary>
    internal bool IsLiquidation(string orderId) => _liquidationOrders.Contains(orderId);

    /// <summary>
    /// Bybit's initial-margin check for an order that may add exposure: its added position value at the price it would
    /// trade ÷ leverage, plus the taker fee, plus what resting orders already reserve, must fit the available balance.
    /// Reduce-only and conditional orders are not checked here (a conditional one is checked by the venue when it fires).
    /// </summary>
    private OrderRejection? CheckInitialMargin(MatchingEngine engine, OrderRequest request)
    {
        if (request.ReduceOnly || request.Trigger is not null)
        {
            return null;
        }

        var price = request.LimitPrice ?? ReferencePrice(engine, request.Side);
        if (price is not { } at)
        {
            return null;
        }

        var position = engine.Position;
        var signed = request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity;
        var added = Math.Max(0m, Math.Abs(position + signed) - Math.Abs(position));
        if (added == 0)
        {
            return null;
        }

        var leverage = _ledger.LeverageOf(engine.Symbol);
        var required = (added * at / leverage) + (added * at * FeeRates.TakerFraction);
        var available = _ledger.AvailableBalance - OrderMargin();
        return required <= available
            ? null
            : new OrderRejection(OrderRejectReason.InsufficientMargin, string.Create(CultureInfo.InvariantCulture, $"ab not enough for new order: needs {decimal.Round(required, 4)} USDT, available {decimal.Round(available, 4)}"));
    }

    /// <summary>What resting plain orders that add exposure reserve as initial margin.</summary>
    private decimal OrderMargin()
    {
        var reserved = 0m;
        foreach (var (symbol, engine) in _engines)
        {
            foreach (var order in engine.OpenOrders)
            {
                if (!order.Request.ReduceOnly && order.Request.Trigger is null && order.LimitPrice is { } price)
                {
                    reserved += order.LeavesQuantity * price / _ledger.LeverageOf(symbol);
                }
            }
        }

        return reserved;
    }

    private decimal? ReferencePrice(MatchingEngine engine, OrderSide side) =>
        _lastBooks.TryGetValue(engine.Symbol, out var book) && (side == OrderSide.Buy ? book.BestAsk : book.BestBid) is { } touch
            ? touch.Price
            : engine.LastPrice;

    /// <summary>
    /// When the account's equity no longer covers its maintenance margin, the venue takes over: every open order of a
    /// position's symbol is cancelled and the position closed at market (createType CreateByLiq, execType BustTrade),
    /// the biggest loser first, until the account is above maintenance again or flat.
    /// </summary>
    private void LiquidateIfBelowMaintenance(DateTimeOffset now)
    {
        while (_ledger.IsBelowMaintenance)
        {
            var worst = _ledger.Positions.OrderBy(position => _ledger.UnrealisedPnlOf(position.Symbol)).First();
            var engine = _engines[worst.Symbol];
            foreach (var open in engine.OpenOrders)
            {
                Book(engine.Cancel(open.ClientOrderId, now, OrderCancelReason.ByVenue).Events);
            }

            var id = VenueOrderIds.New("liq");
            var close = OrderRequest.Market(id, worst.Symbol, worst.Direction == PositionDirection.Long ? OrderSide.Sell : OrderSide.Buy, worst.Quantity, reduceOnly: true);
            var result = engine.Submit(close, now);
            if (result.Order is { } order)
            {
                _origins[order.OrderId] = ("CreateByLiq", "");
                _liquidationOrders.Add(order.OrderId);
                Remember(new OrderUpdated(order));
            }

            Book(result.Events);
            if (_ledger.PositionOf(worst.Symbol) is { } left && left.Quantity == worst.Quantity)
            {
                // No liquidity took it this step; the next step of the market tries again.
                return;
            }
        }
    }

    /// <summary>At each funding time, every open position pays or receives rate × value at mark (a SETTLEMENT line).</summary>
    private void SettleFundingDue()
    {
        var due = funding.LastFundingTime(feed.Now);
        if (_lastFundingTime is not { } last)
        {
            _lastFundingTime = due;
            return;
        }

        if (due <= last)
        {
            return;
        }

        _lastFundingTime = due;
        var moved = false;
        foreach (var (symbol, engine) in _engines)
        {
            if (engine.MarkPrice is not { } mark)
            {
                continue;
            }

            var rate = funding.RateAt(mark, engine.IndexPrice ?? mark);
            _fundingHistory.Add(new FundingSettlement(symbol, rate, due));
            if (_ledger.PositionOf(symbol) is not { } position)
            {
                continue;
            }

            var settled = _ledger.ApplyFunding(symbol, rate, mark, due);
            if (settled.Outcome != FundingOutcome.Applied)
            {
                continue;
            }

            moved = true;
            var id = string.Create(CultureInfo.InvariantCulture, $"funding-{symbol}-{due.ToUnixTimeMilliseconds()}");
            _transactions.Add(new TransactionLogEntry(
                id, symbol, "SETTLEMENT", position.Direction == PositionDirection.Long ? "Buy" : "Sell", position.Quantity, mark, 0m,
                settled.Amount, 0m, settled.Amount, _ledger.WalletBalance, due, id, "", ""));
        }

        if (moved)
        {
            PublishWallet();
        }
    }

    /// <summary>Keeps a TRADE or LIQUIDATION line for a fill the ledger applied.</summary>
    private void LogTrade(Fill fill, FillApplication applied)
    {
        var order = _history.GetValueOrDefault(fill.OrderId);
        _transactions.Add(new TransactionLogEntry(
            fill.ExecutionId,
            fill.Symbol,
            _liquidationOrders.Contains(fill.OrderId) ? "LIQUIDATION" : "TRADE",
            fill.Side.ToString(),
            fill.Quantity,
            fill.Price,
            fill.Fee,
            0m,
            applied.RealisedPnl,
            applied.RealisedPnl - fill.Fee,
            _ledger.WalletBalance,
            fill.ExecutedAt,
            fill.ExecutionId,
            fill.OrderId,
            order is null ? "" : VenueOrderIds.Wire(order.State.ClientOrderId)));
    }
}
