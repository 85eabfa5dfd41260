using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>kline.{interval}.{symbol}</c>: the forming bar (<c>confirm:false</c>, pushed every
/// <see cref="SimulatorStreamOptions.KlinePushIntervalMs"/>) built from the closed 5-minute bars inside it, and each bar
/// once more with <c>confirm:true</c> when the simulated clock passes its end, with the same values the REST kline has.
/// </summary>
internal sealed class KlineFeed(string topic, Instrument instrument, CandleInterval interval, SimulatedMarketFeed feed, TimeProvider clock, TimeSpan pushEvery)
    : TopicFeed(topic)
{
    private const int MaxConfirmsPerTick = 10;
    private DateTimeOffset? _formingStart;
    private long _lastFormingPush;

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = feed.Now;
        var (last, day) = feed.Recent(instrument.Symbol);
        var start = interval.OpenTimeContaining(now);
        var frames = new List<byte[]>();
        if (_formingStart is { } previous && start > previous)
        {
            var closed = new List<DateTimeOffset>();
            for (var open = previous; open < start && closed.Count < 10_000; open = interval.NextOpenTime(open))
            {
                closed.Add(open);
            }

            foreach (var open in closed.TakeLast(MaxConfirmsPerTick))
            {
                if (Aggregate(day, open, isClosed: true) is { } bar)
                {
                    frames.Add(Frame(bar, now));
                }
            }
        }

        if (_formingStart != start || clock.GetElapsedTime(_lastFormingPush) >= pushEvery)
        {
            frames.Add(Frame(Forming(day, last, start), now));
            _lastFormingPush = clock.GetTimestamp();
        }

        _formingStart = start;
        return frames;
    }

    protected override byte[]? Snapshot()
    {
        var (last, day) = feed.Recent(instrument.Symbol);
        return Frame(Forming(day, last, _formingStart ?? interval.OpenTimeContaining(feed.Now)), feed.Now);
    }

    private Candle Forming(IReadOnlyList<Candle> day, Candle last, DateTimeOffset start) =>
        Aggregate(day, start, isClosed: false)
        ?? new Candle(interval, start, last.Close, last.Close, last.Close, last.Close, 0m, 0m, isClosed: false);

    private Candle? Aggregate(IReadOnlyList<Candle> day, DateTimeOffset start, bool isClosed)
    {
        var end = interval.NextOpenTime(start);
        var parts = day.Where(bar => bar.OpenTime >= start && bar.OpenTime < end).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        return new Candle(
            interval,
            start,
            parts[0].Open,
            parts.Max(bar => bar.High),
            parts.Min(bar => bar.Low),
            parts[^1].Close,
            parts.Sum(bar => bar.Volume),
            parts.Sum(bar => bar.Turnover),
            isClosed);
    }

    private byte[] Frame(Candle bar, DateTimeOffset now) => KlineFrame(Topic, interval, bar, now);

    /// <summary>A kline push carrying one bar (also what the Paper relay sends).</summary>
    internal static byte[] KlineFrame(string topic, CandleInterval interval, Candle bar, DateTimeOffset now) => StreamFrames.Write(writer =>
    {
        writer.WriteString("topic", topic);
        writer.WriteStartArray("data");
        writer.WriteStartObject();
        writer.WriteNumber("start", bar.OpenTime.ToUnixTimeMilliseconds());
        writer.WriteNumber("end", bar.CloseTime.ToUnixTimeMilliseconds() - 1);
        writer.WriteString("interval", interval.WireName);
        writer.WriteString("open", StreamFrames.Number(bar.Open));
        writer.WriteString("close", StreamFrames.Number(bar.Close));
        writer.WriteString("high", StreamFrames.Number(bar.High));
        writer.WriteString("low", StreamFrames.Number(bar.Low));
        writer.WriteString("volume", StreamFrames.Number(bar.Volume));
        writer.WriteString("turnover", StreamFrames.Number(bar.Turnover));
        writer.WriteBoolean("confirm", bar.IsClosed);
        writer.WriteNumber("timestamp", now.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("ts", now.ToUnixTimeMilliseconds());
        writer.WriteString("type", "snapshot");
    });
}
