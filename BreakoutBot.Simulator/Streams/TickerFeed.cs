using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary><c>tickers.{symbol}</c>: a snapshot with every field, then deltas carrying only the fields that changed (last, mark, index, funding, OI, touch…).</summary>
internal sealed class TickerFeed(string topic, Instrument instrument, SimulatedMarketFeed feed, FundingSchedule funding) : TopicFeed(topic)
{
    private Dictionary<string, string>? _last;

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = feed.Now;
        var fields = SyntheticTicker.Fields(feed, instrument, funding);
        var previous = _last;
        _last = fields;
        if (previous is null)
        {
            return [];
        }

        var changed = fields.Where(field => !previous.TryGetValue(field.Key, out var before) || before != field.Value).ToList();
        if (changed.Count == 0)
        {
            return [];
        }

        return [Frame("delta", [new("symbol", instrument.Symbol.Value), .. changed], now)];
    }

    protected override byte[]? Snapshot() => _last is null ? null : Frame("snapshot", [.. _last], feed.Now);

    private byte[] Frame(string type, IReadOnlyList<KeyValuePair<string, string>> fields, DateTimeOffset now) =>
        TickerFrame(Topic, type, fields, feed.Moment(instrument.Symbol).Cursor, now);

    /// <summary>A tickers snapshot or delta with the given fields (also what the Paper relay sends).</summary>
    internal static byte[] TickerFrame(string topic, string type, IReadOnlyList<KeyValuePair<string, string>> fields, long crossSequence, DateTimeOffset now) => StreamFrames.Write(writer =>
    {
        writer.WriteString("topic", topic);
        writer.WriteString("type", type);
        writer.WriteStartObject("data");
        foreach (var (name, value) in fields)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteNumber("cs", crossSequence);
        writer.WriteNumber("ts", now.ToUnixTimeMilliseconds());
    });
}
