using System.Collections.Concurrent;
using System.Text.Json;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>A high-rate topic decoded from raw bytes: its name, symbol and kind, made once per topic.</summary>
internal sealed record RawTopic(string Topic, InstrumentSymbol Symbol, bool IsTrades);

/// <summary>Finds a push's topic in its raw bytes without allocating, for the topics <see cref="PublicFrameDecoder"/> reads.</summary>
internal static class RawTopics
{
    private const int MaxTopicLength = 96;

    /// <summary>
    /// The <c>publicTrade.*</c> or <c>orderbook.*</c> topic the frame's top level names, or null for any other frame
    /// (control answers, other topics, not JSON: those take the document path, which reports what is wrong).
    /// </summary>
    public static RawTopic? Find(ReadOnlySpan<byte> frame, ConcurrentDictionary<string, RawTopic> known)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTopic = reader.ValueTextEquals("topic"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (!isTopic)
                {
                    reader.Skip();
                    continue;
                }

                return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence ? Lookup(reader.ValueSpan, known) : null;
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RawTopic? Lookup(ReadOnlySpan<byte> topic, ConcurrentDictionary<string, RawTopic> known)
    {
        var isTrades = topic.StartsWith("publicTrade."u8);
        if ((!isTrades && !topic.StartsWith("orderbook."u8)) || topic.Length > MaxTopicLength)
        {
            return null;
        }

        Span<char> chars = stackalloc char[topic.Length];
        for (var i = 0; i < topic.Length; i++)
        {
            if (topic[i] > 0x7F)
            {
                return null;
            }

            chars[i] = (char)topic[i];
        }

        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var found))
        {
            return found;
        }

        var name = new string(chars);
        return InstrumentSymbol.TryParse(name[(name.LastIndexOf('.') + 1)..], out var symbol)
            ? known.GetOrAdd(name, new RawTopic(name, symbol, isTrades))
            : null;
    }
}
