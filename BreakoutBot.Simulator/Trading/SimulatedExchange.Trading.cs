using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Trading;

// Amend, cancel-all, order history, executions, leverage and position TP/SL: the rest of Bybit's trading endpoints.
public sealed partial class SimulatedExchange
{
    private const int ParameterError = 10001;
    private const int LeverageNotModified = 110043;
    private readonly Dictionary<string, SimulatedOrder> _history = new(StringComparer.Ordinal);
    private readonly List<string> _historyOrder = [];
    private readonly List<SimulatedExecution> _executions = [];
    private readonly Dictionary<string, (string CreateType, string StopOrderType)> _origins = new(StringComparer.Ordinal);
    private readonly Dictionary<InstrumentSymbol, PositionStopPrices> _stops = [];

    public OrderCommandResult Amend(InstrumentSymbol symbol, OrderAmendment amendment)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        lock (_gate)
        {
            CatchUp();
            var result = EngineFor(symbol).Amend(amendment, feed.Now);
            Book(result.Events);
            return result;
        }
    }

    /// <summary>Cancels every open order (conditional ones too) of one symbol, or of all symbols; returns those cancelled.</summary>
    public IReadOnlyList<OrderState> CancelAll(InstrumentSymbol? symbol)
    {
        lock (_gate)
        {
            CatchUp();
            var cancelled = new List<OrderState>();
            var engines = symbol is { } one ? [EngineFor(one)] : _engines.Values.ToList();
            foreach (var engine in engines)
            {
                foreach (var order in engine.OpenOrders)
                {
                    var result = engine.Cancel(order.ClientOrderId, feed.Now);
                    Book(result.Events);
                    if (result.IsAccepted)
                    {
                        cancelled.Add(result.Order!);
                    }
                }
            }

            return cancelled;
        }
    }

    /// <summary>Open orders of one symbol or all, newest first.</summary>
    public IReadOnlyList<SimulatedOrder> OpenOrders(InstrumentSymbol? symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return [.. HistoryNewestFirst().Where(order => order.State.IsOpen && (symbol is null || order.State.Request.Symbol == symbol))];
        }
    }

    /// <summary>Every order the venue has seen (open and closed), newest first.</summary>
    public IReadOnlyList<SimulatedOrder> OrderHistory(InstrumentSymbol? symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return [.. HistoryNewestFirst().Where(order => symbol is null || order.State.Request.Symbol == symbol)];
        }
    }

    /// <summary>Fills, newest first.</summary>
    public IReadOnlyList<SimulatedExecution> Executions(InstrumentSymbol? symbol)
    {
        lock (_gate)
        {
            CatchUp();
            return [.. _executions.AsEnumerable().Reverse()
                .Where(execution => symbol is null || execution.Fill.Symbol == symbol)
                .Select(execution => execution with { Order = _history.GetValueOrDefault(execution.Fill.OrderId) })];
        }
    }

    /// <summary>The account's fee rates (the same for every symbol).</summary>
    public static FeeRates FeeRates => MatchingOptions.Default.Fees;

    /// <summary>Sets a symbol's leverage (one-way mode); the same value again is 110043, as on Bybit.</summary>
    public VenueRefusal? SetLeverage(InstrumentSymbol symbol, decimal leverage)
    {
        lock (_gate)
        {
            var instrument = feed.Find(symbol) ?? throw new KeyNotFoundException($"symbol {symbol} invalid");
            if (leverage < 1m || leverage > instrument.MaxLeverage)
            {
                return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"params error: leverage must be within [1, {instrument.MaxLeverage}]"));
            }

            if (_ledger.LeverageOf(symbol) == leverage)
            {
                return new VenueRefusal(LeverageNotModified, "leverage not modified");
            }

            _ledger.SetLeverage(instrument, leverage);
            return null;
        }
    }

    /// <summary>
    /// Sets the take-profit and stop-loss of the whole position (null keeps a price, zero removes it). Like Bybit it
    /// refuses a flat position and prices on the wrong side of the current price.
    /// </summary>
    public VenueRefusal? SetTradingStop(InstrumentSymbol symbol, decimal? takeProfit, decimal? stopLoss, TriggerSource triggerBy)
    {
        lock (_gate)
        {
            CatchUp();
            if (_ledger.PositionOf(symbol) is not { } position)
            {
                return new VenueRefusal(ParameterError, "can not set tp/sl/ts for zero position");
            }

            var current = _stops.GetValueOrDefault(symbol) ?? new PositionStopPrices(null, null, triggerBy);
            var next = new PositionStopPrices(
                takeProfit is null ? current.TakeProfit : takeProfit == 0 ? null : takeProfit,
                stopLoss is null ? current.StopLoss : stopLoss == 0 ? null : stopLoss,
                triggerBy);
            var price = _ledger.MarkPriceOf(symbol) ?? position.AverageEntryPrice;
            var isLong = position.Direction == PositionDirection.Long;
            var instrument = EngineFor(symbol).Instrument;
            foreach (var stop in new[] { next.TakeProfit, next.StopLoss })
            {
                if (stop is { } value && instrument.CheckPrice(value) != InstrumentRuleViolation.None)
                {
                    return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"params error: {value} is not a valid price for {symbol}"));
                }
            }

            if (next.TakeProfit is { } tp && (isLong ? tp <= price : tp >= price))
            {
                return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"TakeProfit:{tp} set for {(isLong ? "Buy" : "Sell")} position should be {(isLong ? "higher" : "lower")} than base_price:{price}"));
            }

            if (next.StopLoss is { } sl && (isLong ? sl >= price : sl <= price))
            {
                return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"StopLoss:{sl} set for {(isLong ? "Buy" : "Sell")} position should be {(isLong ? "lower" : "higher")} than base_price:{price}"));
            }

            if (next.TakeProfit is null && next.StopLoss is null)
            {
                _stops.Remove(symbol);
            }
            else
            {
                _stops[symbol] = next;
            }

            return null;
        }
    }

    /// <summary>
    /// <c>tpslMode: Partial</c>: each of take-profit and stop-loss becomes its own reduce-only conditional market order
    /// of the given size (stopOrderType PartialTakeProfit / PartialStopLoss), as Bybit places them; they work like any
    /// conditional order and go when the position closes.
    /// </summary>
    public VenueRefusal? SetPartialTradingStop(InstrumentSymbol symbol, decimal? takeProfit, decimal? takeProfitSize, decimal? stopLoss, decimal? stopLossSize, TriggerSource triggerBy)
    {
        lock (_gate)
        {
            CatchUp();
            if (_ledger.PositionOf(symbol) is not { } position)
            {
                return new VenueRefusal(ParameterError, "can not set tp/sl/ts for zero position");
            }

            var engine = EngineFor(symbol);
            var isLong = position.Direction == PositionDirection.Long;
            var price = ReferencePriceOf(engine, triggerBy) ?? position.AverageEntryPrice;
            var legs = new List<(decimal Trigger, decimal Size, TriggerDirection Direction, string Kind)>();
            if (takeProfit is { } tp)
            {
                if (isLong ? tp <= price : tp >= price)
                {
                    return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"TakeProfit:{tp} set for {(isLong ? "Buy" : "Sell")} position should be {(isLong ? "higher" : "lower")} than base_price:{price}"));
                }

                legs.Add((tp, takeProfitSize!.Value, isLong ? TriggerDirection.RisesTo : TriggerDirection.FallsTo, "PartialTakeProfit"));
            }

            if (stopLoss is { } sl)
            {
                if (isLong ? sl >= price : sl <= price)
                {
                    return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"StopLoss:{sl} set for {(isLong ? "Buy" : "Sell")} position should be {(isLong ? "lower" : "higher")} than base_price:{price}"));
                }

                legs.Add((sl, stopLossSize!.Value, isLong ? TriggerDirection.FallsTo : TriggerDirection.RisesTo, "PartialStopLoss"));
            }

            foreach (var leg in legs)
            {
                if (leg.Size <= 0 || leg.Size > position.Quantity)
                {
                    return new VenueRefusal(ParameterError, string.Create(CultureInfo.InvariantCulture, $"params error: size {leg.Size} must be above 0 and at most the position's {position.Quantity}"));
                }
            }

            foreach (var (trigger, size, direction, kind) in legs)
            {
                var request = new OrderRequest(
                    VenueOrderIds.New(kind == "PartialTakeProfit" ? "ptp" : "psl"), symbol, isLong ? OrderSide.Sell : OrderSide.Buy, OrderType.Market, size,
                    TimeInForce: TimeInForce.ImmediateOrCancel, ReduceOnly: true, Trigger: new OrderTrigger(trigger, direction, triggerBy));
                var result = engine.Submit(request, feed.Now);
                if (result.Rejection is { } rejection)
                {
                    return new VenueRefusal(rejection.BybitRetCode, rejection.Message);
                }

                _origins[result.Order!.OrderId] = ("CreateBy" + kind, kind);
                Remember(new OrderUpdated(result.Order));
                Book(result.Events);
            }

            return null;
        }
    }

    /// <summary>A position's partial TP/SL orders belong to it: when it closes, the venue cancels them.</summary>
    private void DropPartialTpSl(InstrumentSymbol symbol)
    {
        var engine = EngineFor(symbol);
        foreach (var order in engine.OpenOrders)
        {
            if (_origins.TryGetValue(order.OrderId, out var origin) && origin.StopOrderType.StartsWith("Partial", StringComparison.Ordinal))
            {
                Book(engine.Cancel(order.ClientOrderId, feed.Now, OrderCancelReason.ByVenue).Events);
            }
        }
    }

    private static decimal? ReferencePriceOf(MatchingEngine engine, TriggerSource source) => source switch
    {
        TriggerSource.MarkPrice => engine.MarkPrice,
        TriggerSource.IndexPrice => engine.IndexPrice ?? engine.MarkPrice,
        _ => engine.LastPrice,
    };

    public PositionStopPrices? StopsOf(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            return _stops.GetValueOrDefault(symbol);
        }
    }

    /// <summary>
    /// A new step of the market: a position whose stop or target its trigger price (last, mark or index, as set) crossed
    /// is closed by a reduce-only market order through the engine (createType CreateByStopLoss/TakeProfit).
    /// </summary>
    private void OnPositionStopPrices(MatchingEngine engine, MarketQuote quote, DateTimeOffset now)
    {
        if (!_stops.TryGetValue(engine.Symbol, out var stops))
        {
            return;
        }

        if (_ledger.PositionOf(engine.Symbol) is not { } position)
        {
            // Bybit drops a position's TP/SL when the position closes.
            _stops.Remove(engine.Symbol);
            return;
        }

        var isLong = position.Direction == PositionDirection.Long;
        var price = stops.TriggerBy switch
        {
            TriggerSource.MarkPrice => quote.MarkPrice,
            TriggerSource.IndexPrice => quote.IndexPrice,
            _ => quote.LastPrice,
        };
        var (createType, stopOrderType) =
            stops.StopLoss is { } sl && (isLong ? price <= sl : price >= sl) ? ("CreateByStopLoss", "StopLoss")
            : stops.TakeProfit is { } tp && (isLong ? price >= tp : price <= tp) ? ("CreateByTakeProfit", "TakeProfit")
            : default;
        if (createType is null)
        {
            return;
        }

        var id = VenueOrderIds.New("tpsl");
        var close = OrderRequest.Market(id, engine.Symbol, isLong ? OrderSide.Sell : OrderSide.Buy, position.Quantity, reduceOnly: true);
        var result = engine.Submit(close, now);
        if (result.Order is { } order)
        {
            _origins[order.OrderId] = (createType, stopOrderType);
            Remember(new OrderUpdated(result.Order));
        }

        Book(result.Events);
        if (_ledger.PositionOf(engine.Symbol) is null)
        {
            _stops.Remove(engine.Symbol);
        }
    }

    /// <summary>Keeps each order's latest state and every fill for the history and execution endpoints.</summary>
    private void Remember(MatchingEvent matchingEvent)
    {
        switch (matchingEvent)
        {
            case OrderUpdated { Order: var order }:
                if (!_history.ContainsKey(order.OrderId))
                {
                    _historyOrder.Add(order.OrderId);
                }

                var (createType, stopOrderType) = _origins.TryGetValue(order.OrderId, out var origin)
                    ? origin
                    : ("CreateByUser", order.Request.Trigger is null ? "" : "Stop");
                _history[order.OrderId] = new SimulatedOrder(order, createType, stopOrderType);
                break;
            case OrderFilled { Fill: var fill }:
                var linkId = _history.TryGetValue(fill.OrderId, out var known) ? known.State.ClientOrderId : default;
                var rate = fill.Liquidity == LiquidityRole.Maker ? FeeRates.MakerFraction : FeeRates.TakerFraction;
                _executions.Add(new SimulatedExecution(fill, linkId, rate));
                break;
        }
    }

    private IEnumerable<SimulatedOrder> HistoryNewestFirst()
    {
        for (var index = _historyOrder.Count - 1; index >= 0; index--)
        {
            yield return _history[_historyOrder[index]];
        }
    }
}
