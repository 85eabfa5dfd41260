using System.Text.Json;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Streams;

/// <summary>Private pushes (<c>{id, topic, creationTime, data:[...]}</c>) for order, execution, position and wallet, shaped like Bybit's.</summary>
internal static class PrivateFrames
{
    private static long _sequence;

    public static byte[] Orders(string topic, IReadOnlyList<OrderState> orders, DateTimeOffset now) =>
        Envelope(topic, now, writer =>
        {
            foreach (var order in orders)
            {
                WriteOrder(writer, order);
            }
        });

    public static byte[] Executions(string topic, IReadOnlyList<(Fill Fill, OrderState? Order)> fills, DateTimeOffset now) =>
        Envelope(topic, now, writer =>
        {
            foreach (var (fill, order) in fills)
            {
                writer.WriteStartObject();
                writer.WriteString("category", "linear");
                writer.WriteString("symbol", fill.Symbol.Value);
                writer.WriteString("execId", fill.ExecutionId);
                writer.WriteString("orderId", fill.OrderId);
                writer.WriteString("orderLinkId", order is null ? "" : VenueOrderIds.Wire(order.ClientOrderId));
                writer.WriteString("side", fill.Side.ToString());
                writer.WriteString("execPrice", StreamFrames.Number(fill.Price));
                writer.WriteString("execQty", StreamFrames.Number(fill.Quantity));
                writer.WriteString("execValue", StreamFrames.Number(fill.Notional));
                writer.WriteString("execFee", StreamFrames.Number(fill.Fee));
                writer.WriteString("feeRate", StreamFrames.Number(fill.Notional == 0 ? 0 : decimal.Round(fill.Fee / fill.Notional, 8)));
                writer.WriteString("execType", "Trade");
                writer.WriteBoolean("isMaker", fill.Liquidity == LiquidityRole.Maker);
                writer.WriteString("execTime", StreamFrames.Millis(fill.ExecutedAt));
                writer.WriteString("orderType", order?.Request.Type.ToString() ?? "");
                writer.WriteString("orderPrice", order?.LimitPrice is { } price ? StreamFrames.Number(price) : "");
                writer.WriteString("orderQty", order is null ? "" : StreamFrames.Number(order.Quantity));
                writer.WriteString("leavesQty", order is null ? "" : StreamFrames.Number(order.LeavesQuantity));
                writer.WriteString("stopOrderType", "UNKNOWN");
                writer.WriteString("createType", "CreateByUser");
                writer.WriteString("feeCurrency", "USDT");
                writer.WriteNumber("seq", Interlocked.Increment(ref _sequence));
                writer.WriteEndObject();
            }
        });

    public static byte[] Positions(string topic, IReadOnlyList<PositionReport> positions, DateTimeOffset now) =>
        Envelope(topic, now, writer =>
        {
            foreach (var report in positions)
            {
                var position = report.Position;
                writer.WriteStartObject();
                writer.WriteNumber("positionIdx", 0);
                writer.WriteNumber("tradeMode", 0);
                writer.WriteNumber("riskId", 1);
                writer.WriteString("symbol", report.Symbol.Value);
                writer.WriteString("side", position is null ? "" : position.Direction == PositionDirection.Long ? "Buy" : "Sell");
                writer.WriteString("size", StreamFrames.Number(position?.Quantity ?? 0m));
                writer.WriteString("entryPrice", StreamFrames.Number(position?.AverageEntryPrice ?? 0m));
                writer.WriteString("leverage", StreamFrames.Number(report.Leverage));
                writer.WriteString("positionValue", StreamFrames.Number(position?.ValueAt(report.MarkPrice) ?? 0m));
                writer.WriteString("markPrice", StreamFrames.Number(report.MarkPrice));
                writer.WriteString("unrealisedPnl", StreamFrames.Number(position?.UnrealisedPnlAt(report.MarkPrice) ?? 0m));
                writer.WriteString("cumRealisedPnl", StreamFrames.Number(position?.RealisedPnl ?? 0m));
                writer.WriteString("takeProfit", "0");
                writer.WriteString("stopLoss", "0");
                writer.WriteString("trailingStop", "0");
                writer.WriteString("tpslMode", "Full");
                writer.WriteString("createdTime", StreamFrames.Millis(position?.OpenedAt ?? now));
                writer.WriteString("updatedTime", StreamFrames.Millis(now));
                writer.WriteString("category", "linear");
                writer.WriteString("positionStatus", "Normal");
                writer.WriteNumber("seq", Interlocked.Increment(ref _sequence));
                writer.WriteBoolean("isReduceOnly", false);
                writer.WriteEndObject();
            }
        });

    public static byte[] Wallet(string topic, WalletReport wallet, DateTimeOffset now) =>
        Envelope(topic, now, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("accountType", "UNIFIED");
            writer.WriteString("totalEquity", StreamFrames.Number(wallet.Equity));
            writer.WriteString("totalWalletBalance", StreamFrames.Number(wallet.WalletBalance));
            writer.WriteString("totalMarginBalance", StreamFrames.Number(wallet.Equity));
            writer.WriteString("totalAvailableBalance", StreamFrames.Number(wallet.AvailableBalance));
            writer.WriteString("totalPerpUPL", StreamFrames.Number(wallet.UnrealisedPnl));
            writer.WriteString("totalInitialMargin", StreamFrames.Number(wallet.InitialMargin));
            writer.WriteString("totalMaintenanceMargin", StreamFrames.Number(wallet.MaintenanceMargin));
            writer.WriteStartArray("coin");
            writer.WriteStartObject();
            writer.WriteString("coin", "USDT");
            writer.WriteString("equity", StreamFrames.Number(wallet.Equity));
            writer.WriteString("usdValue", StreamFrames.Number(wallet.Equity));
            writer.WriteString("walletBalance", StreamFrames.Number(wallet.WalletBalance));
            writer.WriteString("unrealisedPnl", StreamFrames.Number(wallet.UnrealisedPnl));
            writer.WriteString("cumRealisedPnl", StreamFrames.Number(wallet.RealisedPnl));
            writer.WriteString("totalPositionIM", StreamFrames.Number(wallet.InitialMargin));
            writer.WriteString("totalPositionMM", StreamFrames.Number(wallet.MaintenanceMargin));
            writer.WriteString("locked", "0");
            writer.WriteBoolean("marginCollateral", true);
            writer.WriteBoolean("collateralSwitch", true);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteOrder(Utf8JsonWriter writer, OrderState order)
    {
        writer.WriteStartObject();
        writer.WriteString("category", "linear");
        writer.WriteString("symbol", order.Request.Symbol.Value);
        writer.WriteString("orderId", order.OrderId);
        writer.WriteString("orderLinkId", VenueOrderIds.Wire(order.ClientOrderId));
        writer.WriteString("blockTradeId", "");
        writer.WriteString("side", order.Request.Side.ToString());
        writer.WriteNumber("positionIdx", 0);
        writer.WriteString("orderStatus", order.Status == OrderStatus.Submitted ? "Created" : order.Status.ToString());
        writer.WriteString("cancelType", order.CancelReason switch
        {
            OrderCancelReason.ByUser => "CancelByUser",
            OrderCancelReason.ReduceOnlyPositionClosed => "CancelByReduceOnly",
            OrderCancelReason.ByVenue => "CancelByAdmin",
            _ => "UNKNOWN",
        });
        writer.WriteString("rejectReason", order.CancelReason switch
        {
            OrderCancelReason.NoImmediateQuantityToFill or OrderCancelReason.FillOrKillNotFillable => "EC_NoImmediateQtyToFill",
            OrderCancelReason.PostOnlyWouldTakeLiquidity => "EC_PostOnlyWillTakeLiquidity",
            _ => "EC_NoError",
        });
        writer.WriteString("timeInForce", order.Request.TimeInForce switch
        {
            TimeInForce.ImmediateOrCancel => "IOC",
            TimeInForce.FillOrKill => "FOK",
            TimeInForce.PostOnly => "PostOnly",
            _ => "GTC",
        });
        writer.WriteString("price", order.LimitPrice is { } price ? StreamFrames.Number(price) : "");
        writer.WriteString("qty", StreamFrames.Number(order.Quantity));
        writer.WriteString("avgPrice", order.FilledQuantity > 0 ? StreamFrames.Number(order.AverageFillPrice) : "");
        writer.WriteString("leavesQty", StreamFrames.Number(order.LeavesQuantity));
        writer.WriteString("leavesValue", order.LimitPrice is { } limit ? StreamFrames.Number(order.LeavesQuantity * limit) : "0");
        writer.WriteString("cumExecQty", StreamFrames.Number(order.FilledQuantity));
        writer.WriteString("cumExecValue", StreamFrames.Number(order.FilledQuantity * order.AverageFillPrice));
        writer.WriteString("cumExecFee", StreamFrames.Number(order.CumulativeFee));
        writer.WriteString("closedPnl", "0");
        writer.WriteString("orderType", order.Request.Type.ToString());
        writer.WriteString("stopOrderType", "");
        writer.WriteString("triggerPrice", order.Trigger is null ? "" : StreamFrames.Number(order.Trigger.Price));
        writer.WriteString("takeProfit", "");
        writer.WriteString("tpslMode", "UNKNOWN");
        writer.WriteString("stopLoss", "");
        writer.WriteBoolean("reduceOnly", order.Request.ReduceOnly);
        writer.WriteBoolean("closeOnTrigger", false);
        writer.WriteString("createType", "CreateByUser");
        writer.WriteString("createdTime", StreamFrames.Millis(order.SubmittedAt));
        writer.WriteString("updatedTime", StreamFrames.Millis(order.UpdatedAt));
        writer.WriteEndObject();
    }

    private static byte[] Envelope(string topic, DateTimeOffset now, Action<Utf8JsonWriter> writeData) => StreamFrames.Write(writer =>
    {
        writer.WriteString("id", Guid.NewGuid().ToString("N"));
        writer.WriteString("topic", topic);
        writer.WriteNumber("creationTime", now.ToUnixTimeMilliseconds());
        writer.WriteStartArray("data");
        writeData(writer);
        writer.WriteEndArray();
    });
}
