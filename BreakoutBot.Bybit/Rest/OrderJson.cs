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
        });
    }

    public static string Cancel(InstrumentSymbol symbol, string orderLinkId) => Write(writer =>
    {
        writer.WriteString("category", "linear");
        writer.WriteString("symbol", symbol.Value);
        writer.WriteString("orderLinkId", orderLinkId);
    });

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
