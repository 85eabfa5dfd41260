using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Market;

namespace BreakoutBot.Simulator.Streams;

/// <summary>
/// <c>kline.{interval}.{symbol}</c>, every Bybit interval: the forming bar (<c>confirm:false</c>, made of the tape's prints
/// so far, pushed when it changed and at most every <see cref="SimulatorStreamOptions.KlinePushIntervalMs"/>), and each
/// bar once more with <c>confirm:true</c> when the simulated clock passes its end, with the values the REST kline has.
/// </summary>
internal sealed class KlineFeed(string topic, Instrument instrument, CandleInterval interval, SimulatedMarketFeed feed, TimeProvider clock, TimeSpan pushEvery)
    : TopicFeed(topic)
{
    private const int MaxConfirmsPerTick = 10;
    private DateTimeOffset? _formingStart;
    private Candle? _lastPushed;
    private long _lastFormingPush;

    protected override IReadOnlyList<byte[]> Advance()
    {
        var now = feed.Now;
        var bars = feed.Candles(instrument.Symbol, interval, endOpenTime: null, limit: MaxConfirmsPerTick + 1);
        var forming = bars[^1];
        var frames = new List<byte[]>();
        if (_formingStart is { } previous && forming.OpenTime > previous)
        {
            foreach (var bar in bars.Where(bar => bar.IsClosed && bar.OpenTime >= previous).TakeLast(MaxConfirmsPerTick))
            {
                frames.Add(Frame(bar, now));
            }
        }

        var changed = _lastPushed is null || _lastPushed.OpenTime != forming.OpenTime || _lastPushed != forming;
        if (!forming.IsClosed && changed && (_formingStart != forming.OpenTime || clock.GetElapsedTime(_lastFormingPush) >= pushEvery))
        {
            frames.Add(Frame(forming, now));
            _lastPushed = forming;
            _lastFormingPush = clock.GetTimestamp();
        }

        _formingStart = forming.OpenTime;
        return frames;
    }

    protected override byte[]? Snapshot()
    {
        var bars = feed.Candles(instrument.Symbol, interval, endOpenTime: null, limit: 1);
        return Frame(bars[^1], feed.Now);
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
