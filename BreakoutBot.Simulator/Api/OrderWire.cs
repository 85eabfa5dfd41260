using BreakoutBot.Domain.Matching;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Api;

/// <summary>Bybit's order object (realtime, history) and execution object, numbers as strings.</summary>
internal static class OrderWire
{
    public static object Order(SimulatedOrder simulated)
    {
        var order = simulated.State;
        return new
        {
            orderId = order.OrderId,
            orderLinkId = VenueOrderIds.Wire(order.ClientOrderId),
            symbol = order.Request.Symbol.Value,
            side = order.Request.Side.ToString(),
            orderType = order.Request.Type.ToString(),
            price = order.LimitPrice is { } price ? Wire.Number(price) : "0",
            qty = Wire.Number(order.Quantity),
            positionIdx = 0,
            orderStatus = order.Status == OrderStatus.Submitted ? "New" : order.Status.ToString(),
            createType = simulated.CreateType,
            cancelType = order.CancelReason switch
            {
                OrderCancelReason.ByUser => "CancelByUser",
                OrderCancelReason.ReduceOnlyPositionClosed => "CancelByReduceOnly",
                OrderCancelReason.ByVenue => "CancelByAdmin",
                null => "UNKNOWN",
                _ => "UNKNOWN",
            },
            rejectReason = order.RejectReason?.ToString() ?? order.CancelReason switch
            {
                OrderCancelReason.PostOnlyWouldTakeLiquidity => "EC_PostOnlyWillTakeLiquidity",
                OrderCancelReason.NoImmediateQuantityToFill when order.FilledQuantity == 0 => "EC_NoImmediateQtyToFill",
                _ => "EC_NoError",
            },
            avgPrice = order.FilledQuantity > 0 ? Wire.Number(order.AverageFillPrice) : "",
            leavesQty = Wire.Number(order.LeavesQuantity),
            cumExecQty = Wire.Number(order.FilledQuantity),
            cumExecValue = Wire.Number(order.FilledQuantity * order.AverageFillPrice),
            cumExecFee = Wire.Number(order.CumulativeFee),
            cumFeeDetail = new { USDT = Wire.Number(order.CumulativeFee) },
            timeInForce = TimeInForce(order.Request.TimeInForce),
            stopOrderType = simulated.StopOrderType,
            triggerPrice = order.Trigger is { } trigger ? Wire.Number(trigger.Price) : "",
            triggerDirection = order.Trigger is { } direction ? (int)direction.Direction : 0,
            triggerBy = order.Trigger?.Source.ToString() ?? "",
            takeProfit = "",
            tpslMode = "UNKNOWN",
            stopLoss = "",
            reduceOnly = order.Request.ReduceOnly,
            closeOnTrigger = false,
            createdTime = Wire.Millis(order.SubmittedAt),
            updatedTime = Wire.Millis(order.UpdatedAt),
        };
    }

    public static object Execution(SimulatedExecution execution)
    {
        var fill = execution.Fill;
        var order = execution.Order;
        return new
        {
            symbol = fill.Symbol.Value,
            orderId = fill.OrderId,
            orderLinkId = VenueOrderIds.Wire(execution.ClientOrderId),
            side = fill.Side.ToString(),
            orderPrice = order?.State.LimitPrice is { } price ? Wire.Number(price) : "0",
            orderQty = order is null ? "" : Wire.Number(order.State.Quantity),
            orderType = order?.State.Request.Type.ToString() ?? "",
            stopOrderType = order?.StopOrderType ?? "",
            createType = order?.CreateType ?? "",
            execFee = Wire.Number(fill.Fee),
            execId = fill.ExecutionId,
            execPrice = Wire.Number(fill.Price),
            execQty = Wire.Number(fill.Quantity),
            execType = order?.CreateType == "CreateByLiq" ? "BustTrade" : "Trade",
            execValue = Wire.Number(fill.Notional),
            execTime = Wire.Millis(fill.ExecutedAt),
            feeCurrency = "USDT",
            isMaker = fill.Liquidity == Domain.Trading.LiquidityRole.Maker,
            feeRate = Wire.Number(execution.FeeRate),
            markPrice = Wire.Number(fill.Price),
            closedSize = "",
            seq = 0,
        };
    }

    public static string TimeInForce(TimeInForce timeInForce) => timeInForce switch
    {
        Domain.Matching.TimeInForce.ImmediateOrCancel => "IOC",
        Domain.Matching.TimeInForce.FillOrKill => "FOK",
        Domain.Matching.TimeInForce.PostOnly => "PostOnly",
        _ => "GTC",
    };
}
