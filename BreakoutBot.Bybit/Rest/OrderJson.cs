using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>Request bodies for order endpoints, written once (the signature covers these exact bytes); numbers as strings.</summary>
public static class OrderJson
{
    public static string Create(OrderPlacement order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Write(writer =>
        {
            writer.WriteString("category", "linear");
            writer.WriteString("symbol", order.Symbol.Value);
            writer.WriteString("side", order.Side.ToString());
            writer.WriteString("orderType", order.IsMarket ? "Market" : "Limit");
            writer.WriteString("qty", order.Quantity.ToString(CultureInfo.InvariantCulture));
            if (order.LimitPrice is { } price)
            {
                writer.WriteString("price", price.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteString("timeInForce", order.TimeInForce ?? (order.IsMarket ? "IOC" : "GTC"));
            writer.WriteNumber("positionIdx", 0);
            writer.WriteString("orderLinkId", order.OrderLinkId);
            writer.WriteBoolean("reduceOnly", order.ReduceOnly);
            if (order.TriggerPrice is { } trigger)
            {
                writer.WriteString("triggerPrice", trigger.ToString(CultureInfo.InvariantCulture));
                writer.WriteNumber("triggerDirection", (int)(order.TriggerDirection ?? throw new ArgumentException("A conditional order needs a trigger direction.", nameof(order))));
                writer.WriteString("triggerBy", order.TriggerBy.ToString());
            }
        });
    }

    public static string Amend(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Write(writer =>
        {
            writer.WriteString("category", "linear");
            writer.WriteString("symbol", change.Symbol.Value);
            writer.WriteString("orderLinkId", change.OrderLinkId);
            WriteDecimal(writer, "qty", change.Quantity);
            WriteDecimal(writer, "price", change.LimitPrice);
            WriteDecimal(writer, "triggerPrice", change.TriggerPrice);
        });
    }

    /// <summary>Cancel-all for one symbol, or for every USDT-settled symbol when <paramref name="symbol"/> is null.</summary>
    public static string CancelAll(InstrumentSymbol? symbol) => Write(writer =>
    {
        writer.WriteString("category", "linear");
        if (symbol is { } one)
        {
            writer.WriteString("symbol", one.Value);
        }
        else
        {
            writer.WriteString("settleCoin", "USDT");
        }
    });

    /// <summary>One-way mode: buy and sell leverage are the same.</summary>
    public static string SetLeverage(InstrumentSymbol symbol, decimal leverage) => Write(writer =>
    {
        var text = leverage.ToString(CultureInfo.InvariantCulture);
        writer.WriteString("category", "linear");
        writer.WriteString("symbol", symbol.Value);
        writer.WriteString("buyLeverage", text);
        writer.WriteString("sellLeverage", text);
    });

    /// <summary>One-way mode (0) for every USDT contract.</summary>
    public static string OneWayMode() => Write(writer =>
    {
        writer.WriteString("category", "linear");
        writer.WriteString("coin", "USDT");
        writer.WriteNumber("mode", 0);
    });

    public static string MarginMode(string mode) => Write(writer => writer.WriteString("setMarginMode", mode));

    public static string TradingStop(PositionStops stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        return Write(writer =>
        {
            writer.WriteString("category", "linear");
            writer.WriteString("symbol", stops.Symbol.Value);
            writer.WriteString("tpslMode", "Full");
            writer.WriteNumber("positionIdx", 0);
            WriteDecimal(writer, "takeProfit", stops.TakeProfit);
            WriteDecimal(writer, "stopLoss", stops.StopLoss);
            writer.WriteString("tpTriggerBy", stops.TriggerBy.ToString());
            writer.WriteString("slTriggerBy", stops.TriggerBy.ToString());
        });
    }

    public static string Cancel(InstrumentSymbol symbol, string orderLinkId) => Write(writer =>
    {
        writer.WriteString("category", "linear");
        writer.WriteString("symbol", symbol.Value);
        writer.WriteString("orderLinkId", orderLinkId);
    });

    private static void WriteDecimal(Utf8JsonWriter writer, string property, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteString(property, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
