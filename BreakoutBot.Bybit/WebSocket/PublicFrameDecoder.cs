using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// Decodes the high-rate public pushes (<c>publicTrade</c>, <c>orderbook</c>) straight from the frame's UTF-8 bytes with
/// a forward-only reader: no document, no intermediate strings — numbers parse from the bytes, the symbol is checked
/// against the one the topic names instead of being read into a new string, and only the decoded values (trades,
/// levels and each trade's id) are allocated. Same results and same refusals as <see cref="PublicMessageParser"/>.
/// </summary>
public static class PublicFrameDecoder
{
    /// <summary>The trades of a <c>publicTrade.{symbol}</c> push for <paramref name="symbol"/>.</summary>
    /// <exception cref="FormatException">A field is missing or malformed, or a trade is for another symbol.</exception>
    public static IReadOnlyList<Trade> Trades(ReadOnlySpan<byte> frame, InstrumentSymbol symbol)
    {
        var reader = new Utf8JsonReader(frame);
        MoveToTopLevelProperty(ref reader, "data"u8, JsonTokenType.StartArray);
        var trades = new List<Trade>(4);
        while (Read(ref reader) != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType, JsonTokenType.StartObject, "a trade");
            long? time = null;
            decimal? price = null, size = null;
            string? id = null;
            TakerSide? side = null;
            var symbolSeen = false;
            var block = false;
            while (Read(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                Read(ref reader);
                if (name.SequenceEqual("T"u8)) { time = reader.GetInt64(); }
                else if (name.SequenceEqual("p"u8)) { price = Number(ref reader, "p"); }
                else if (name.SequenceEqual("v"u8)) { size = Number(ref reader, "v"); }
                else if (name.SequenceEqual("i"u8)) { id = reader.GetString(); }
                else if (name.SequenceEqual("S"u8)) { side = Side(ref reader); }
                else if (name.SequenceEqual("s"u8)) { symbolSeen = SameSymbol(ref reader, symbol); }
                else if (name.SequenceEqual("BT"u8)) { block = reader.TokenType == JsonTokenType.True; }
                else { reader.Skip(); }
            }

            if (time is null || price is null || size is null || id is null || side is null || !symbolSeen)
            {
                throw new FormatException("A trade lacks one of T, s, S, v, p, i.");
            }

            trades.Add(new Trade(symbol, id, DateTimeOffset.FromUnixTimeMilliseconds(time.Value), price.Value, size.Value, side.Value, block));
        }

        return trades;
    }

    /// <summary>An <c>orderbook.{depth}.{symbol}</c> snapshot or delta for <paramref name="symbol"/>.</summary>
    /// <exception cref="FormatException">A field is missing or malformed, the type is unknown, or the book is another symbol's.</exception>
    public static OrderBookMessage OrderBook(ReadOnlySpan<byte> frame, InstrumentSymbol symbol)
    {
        var reader = new Utf8JsonReader(frame);
        Expect(Read(ref reader), JsonTokenType.StartObject, "the push");
        bool? isSnapshot = null;
        long? timestamp = null, updateId = null;
        long sequence = 0;
        PriceLevel[]? bids = null, asks = null;
        var symbolSeen = false;
        while (Read(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            Read(ref reader);
            if (name.SequenceEqual("type"u8))
            {
                isSnapshot = reader.ValueTextEquals("snapshot"u8) ? true
                    : reader.ValueTextEquals("delta"u8) ? false
                    : throw new FormatException($"Unknown order book message type '{reader.GetString()}'.");
            }
            else if (name.SequenceEqual("ts"u8))
            {
                timestamp = reader.GetInt64();
            }
            else if (name.SequenceEqual("data"u8))
            {
                Expect(reader.TokenType, JsonTokenType.StartObject, "data");
                while (Read(ref reader) == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueSpan;
                    Read(ref reader);
                    if (field.SequenceEqual("b"u8)) { bids = Levels(ref reader); }
                    else if (field.SequenceEqual("a"u8)) { asks = Levels(ref reader); }
                    else if (field.SequenceEqual("u"u8)) { updateId = reader.GetInt64(); }
                    else if (field.SequenceEqual("seq"u8)) { sequence = reader.GetInt64(); }
                    else if (field.SequenceEqual("s"u8)) { symbolSeen = SameSymbol(ref reader, symbol); }
                    else { reader.Skip(); }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (isSnapshot is null || timestamp is null || updateId is null || bids is null || asks is null || !symbolSeen)
        {
            throw new FormatException("An order book push lacks one of type, ts, data.s, data.b, data.a, data.u.");
        }

        return new OrderBookMessage(symbol, isSnapshot.Value, bids, asks, updateId.Value, sequence, DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value));
    }

    /// <summary>One side's levels, gathered in a pooled buffer so only the exact-size result is allocated.</summary>
    private static PriceLevel[] Levels(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType, JsonTokenType.StartArray, "a side of the book");
        var buffer = ArrayPool<PriceLevel>.Shared.Rent(64);
        var count = 0;
        try
        {
            while (Read(ref reader) != JsonTokenType.EndArray)
            {
                Expect(reader.TokenType, JsonTokenType.StartArray, "a price level");
                Read(ref reader);
                var price = Number(ref reader, "price");
                Read(ref reader);
                var quantity = Number(ref reader, "size");
                Expect(Read(ref reader), JsonTokenType.EndArray, "the end of a price level");
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<PriceLevel>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<PriceLevel>.Shared.Return(buffer);
                    buffer = larger;
                }

                buffer[count++] = new PriceLevel(price, quantity);
            }

            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<PriceLevel>.Shared.Return(buffer);
        }
    }

    private static void MoveToTopLevelProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> property, JsonTokenType valueType)
    {
        Expect(Read(ref reader), JsonTokenType.StartObject, "the push");
        while (Read(ref reader) == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(property);
            Read(ref reader);
            if (found)
            {
                Expect(reader.TokenType, valueType, Encoding.UTF8.GetString(property));
                return;
            }

            reader.Skip();
        }

        throw new FormatException($"The push has no '{Encoding.UTF8.GetString(property)}'.");
    }

    /// <summary>A decimal written as a JSON string (Bybit's way) or a number.</summary>
    private static decimal Number(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            // Plain notation first (Bybit's), then scientific (1E-3) as the document parser also accepts it.
            var text = reader.ValueSpan;
            if ((Utf8Parser.TryParse(text, out decimal value, out var consumed) && consumed == text.Length)
                || (Utf8Parser.TryParse(text, out value, out consumed, 'E') && consumed == text.Length))
            {
                return value;
            }
        }

        throw new FormatException($"'{field}' is not a decimal number.");
    }

    private static TakerSide Side(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("Buy"u8) ? TakerSide.Buy
        : reader.ValueTextEquals("Sell"u8) ? TakerSide.Sell
        : throw new FormatException($"Unknown taker side '{reader.GetString()}'.");

    private static bool SameSymbol(ref Utf8JsonReader reader, InstrumentSymbol symbol) =>
        reader.ValueTextEquals(symbol.Value) ? true : throw new FormatException($"The push is for '{reader.GetString()}', its topic for {symbol}.");

    private static JsonTokenType Read(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("The push ends early.");

    private static void Expect(JsonTokenType actual, JsonTokenType expected, string what)
    {
        if (actual != expected)
        {
            throw new FormatException($"Expected {what} ({expected}), found {actual}.");
        }
    }
}
