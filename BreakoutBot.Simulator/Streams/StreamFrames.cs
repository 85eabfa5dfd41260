using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Streams;

/// <summary>Bybit V5 WebSocket frames as UTF-8 JSON: control answers and the pieces pushes are made of (numbers as strings).</summary>
internal static class StreamFrames
{
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The public (linear) answer to subscribe, unsubscribe and ping: <c>success</c>, <c>ret_msg</c>, <c>conn_id</c>, <c>req_id</c>, <c>op</c>.</summary>
    public static byte[] PublicAnswer(string op, bool success, string message, string connectionId, string requestId) => Write(writer =>
    {
        writer.WriteBoolean("success", success);
        writer.WriteString("ret_msg", message);
        writer.WriteString("conn_id", connectionId);
        writer.WriteString("req_id", requestId);
        writer.WriteString("op", op);
    });

    /// <summary>
    /// The private answer to auth, subscribe and unsubscribe; <c>req_id</c> is echoed when the request had one (the
    /// venue does, and clients such as bybit-api match answers by it), else left out as in the venue's samples.
    /// </summary>
    public static byte[] PrivateAnswer(string op, bool success, string message, string connectionId, string requestId = "") => Write(writer =>
    {
        writer.WriteBoolean("success", success);
        writer.WriteString("ret_msg", message);
        writer.WriteString("op", op);
        writer.WriteString("conn_id", connectionId);
        if (requestId.Length > 0)
        {
            writer.WriteString("req_id", requestId);
        }
    });

    public static byte[] PrivatePong(string connectionId, string requestId, DateTimeOffset now) => Write(writer =>
    {
        writer.WriteString("req_id", requestId);
        writer.WriteString("op", "pong");
        writer.WriteStartArray("args");
        writer.WriteStringValue(Millis(now));
        writer.WriteEndArray();
        writer.WriteString("conn_id", connectionId);
    });

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static void WriteLevels(Utf8JsonWriter writer, string name, IEnumerable<PriceLevel> levels)
    {
        writer.WriteStartArray(name);
        foreach (var level in levels)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(Number(level.Price));
            writer.WriteStringValue(Number(level.Quantity));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>The request id a client sent, as a string (Bybit echoes it; some clients send numbers).</summary>
    public static string RequestId(JsonElement request) =>
        request.TryGetProperty("req_id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.String => id.GetString() ?? "",
            JsonValueKind.Number => id.GetRawText(),
            _ => "",
        } : "";
}
