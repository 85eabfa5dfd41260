using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Matching;

// Checks that need no market state and therefore answer at submit time, as Bybit's REST call does.
public sealed partial class MatchingEngine
{
    private OrderRejection? CheckRequest(OrderRequest request)
    {
        if (request.Symbol != Symbol)
        {
            return new OrderRejection(OrderRejectReason.SymbolMismatch, $"This venue model matches {Symbol}, not {request.Symbol}.");
        }

        if (!Instrument.IsTrading)
        {
            return new OrderRejection(OrderRejectReason.InstrumentNotTrading, $"{Symbol} is {Instrument.Status}.");
        }

        var isMarket = request.Type == OrderType.Market;
        if (isMarket && (request.LimitPrice is not null || request.TimeInForce == TimeInForce.PostOnly))
        {
            return new OrderRejection(OrderRejectReason.InvalidOrderParameters, "A market order takes neither a price nor PostOnly.");
        }

        if (!isMarket && request.LimitPrice is null)
        {
            return new OrderRejection(OrderRejectReason.InvalidOrderParameters, "A limit order needs a price.");
        }

        return CheckTerms(request, request.Quantity, request.LimitPrice, request.Trigger?.Price);
    }

    private OrderRejection? CheckAmendment(OrderState order, OrderAmendment amendment)
    {
        if (amendment.LimitPrice is not null && order.Request.Type == OrderType.Market)
        {
            return new OrderRejection(OrderRejectReason.InvalidOrderParameters, "A market order has no price to amend.");
        }

        if (amendment.TriggerPrice is not null && (order.Trigger is null || order.Status is not (OrderStatus.Submitted or OrderStatus.Untriggered)))
        {
            return new OrderRejection(OrderRejectReason.InvalidOrderParameters, "Only an untriggered conditional order has a trigger price to amend.");
        }

        var quantity = amendment.Quantity ?? order.Quantity;
        if (quantity <= order.FilledQuantity)
        {
            return new OrderRejection(OrderRejectReason.InvalidOrderParameters, "The amended quantity must exceed the filled quantity.");
        }

        return CheckTerms(order.Request, quantity, amendment.LimitPrice ?? order.LimitPrice, amendment.TriggerPrice ?? order.Trigger?.Price);
    }

    private OrderRejection? CheckTerms(OrderRequest request, decimal quantity, decimal? limitPrice, decimal? triggerPrice)
    {
        var isMarket = request.Type == OrderType.Market;
        var violation = Instrument.CheckQuantity(quantity, isMarket);
        if (violation == InstrumentRuleViolation.None && limitPrice is { } limit)
        {
            violation = Instrument.CheckPrice(limit);
        }

        if (violation == InstrumentRuleViolation.None && triggerPrice is { } trigger)
        {
            violation = Instrument.CheckPrice(trigger);
        }

        // Reduce-only orders skip the notional minimum so that a small remainder of a position can always be closed.
        if (violation == InstrumentRuleViolation.None && !request.ReduceOnly && (limitPrice ?? triggerPrice ?? MarketReferencePrice(request)) is { } price)
        {
            violation = Instrument.CheckOrderSize(quantity, price, isMarket);
        }

        return violation == InstrumentRuleViolation.None
            ? null
            : new OrderRejection(OrderRejectReason.InstrumentRuleViolated, $"{Symbol}: {violation}.", violation);
    }

    private decimal? MarketReferencePrice(OrderRequest request) => _book.BestOppositeOf(request.Side)?.Price ?? LastPrice;
}
