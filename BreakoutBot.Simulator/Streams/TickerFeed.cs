using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary><c>tickers.{symbol}</c>: a snapshot with every field, then deltas carrying only the fields that changed.</summary>
internal sealed class TickerFeed(string topic, Instrument instrument, SimulatedMarketFeed feed) : TopicFeed(topic)
{
    private Dictionary<string, string>? _last;

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = feed.Now;
        var fields = Fields(now);
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

    private Dictionary<string, string> Fields(DateTimeOffset now)
    {
        var (last, day) = feed.Recent(instrument.Symbol);
        var open24h = day[0].Open;
        var hourAgo = day[Math.Max(0, day.Count - 12)].Open;
        var book = SyntheticBookAndTrades.OrderBook(instrument, last, feed.BarCount(instrument.Symbol), 1, now);
        var dayVolume = day.Sum(bar => bar.Volume);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["symbol"] = instrument.Symbol.Value,
            ["tickDirection"] = last.Close >= last.Open ? "PlusTick" : "MinusTick",
            ["price24hPcnt"] = StreamFrames.Number(decimal.Round((last.Close - open24h) / open24h, 6)),
            ["lastPrice"] = StreamFrames.Number(last.Close),
            ["prevPrice24h"] = StreamFrames.Number(open24h),
            ["highPrice24h"] = StreamFrames.Number(day.Max(bar => bar.High)),
            ["lowPrice24h"] = StreamFrames.Number(day.Min(bar => bar.Low)),
            ["prevPrice1h"] = StreamFrames.Number(hourAgo),
            ["markPrice"] = StreamFrames.Number(last.Close),
            ["indexPrice"] = StreamFrames.Number(last.Close),
            ["openInterest"] = StreamFrames.Number(dayVolume / 4),
            ["openInterestValue"] = StreamFrames.Number(decimal.Round(dayVolume / 4 * last.Close, 2)),
            ["turnover24h"] = StreamFrames.Number(day.Sum(bar => bar.Turnover)),
            ["volume24h"] = StreamFrames.Number(dayVolume),
            ["fundingIntervalHour"] = "8",
            ["nextFundingTime"] = StreamFrames.Millis(NextFunding(now)),
            ["fundingRate"] = "0.0001",
            ["bid1Price"] = StreamFrames.Number(book.BestBid!.Value.Price),
            ["bid1Size"] = StreamFrames.Number(book.BestBid!.Value.Quantity),
            ["ask1Price"] = StreamFrames.Number(book.BestAsk!.Value.Price),
            ["ask1Size"] = StreamFrames.Number(book.BestAsk!.Value.Quantity),
        };
    }

    private byte[] Frame(string type, IReadOnlyList<KeyValuePair<string, string>> fields, DateTimeOffset now) =>
        TickerFrame(Topic, type, fields, feed.BarCount(instrument.Symbol), now);

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

    private static DateTimeOffset NextFunding(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return day.AddHours(8 * (Math.Floor(now.UtcDateTime.TimeOfDay.TotalHours / 8) + 1));
    }
}
