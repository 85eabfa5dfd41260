using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Scanner.Market;

/// <summary>
/// The closed candles of one symbol and interval, oldest first, in a fixed-size ring: the oldest bar drops out when
/// a new one arrives, so memory is bounded. Detects gaps (a missing bar between the last and the new one).
/// </summary>
public sealed class CandleRing(int capacity, CandleInterval interval)
{
    private readonly Candle[] _bars = new Candle[capacity];
    private int _start;

    public int Count { get; private set; }

    public Candle? Last => Count == 0 ? null : _bars[(_start + Count - 1) % _bars.Length];

    /// <summary>Adds a closed candle. Returns what happened; on <see cref="CandleAppendResult.Gap"/> nothing is added.</summary>
    public CandleAppendResult Append(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        if (!candle.IsClosed || candle.Interval != interval)
        {
            return CandleAppendResult.Ignored;
        }

        if (Last is { } last)
        {
            if (candle.OpenTime <= last.OpenTime)
            {
                return CandleAppendResult.Duplicate;
            }

            if (candle.OpenTime != interval.NextOpenTime(last.OpenTime))
            {
                return CandleAppendResult.Gap;
            }
        }

        if (Count == _bars.Length)
        {
            _bars[_start] = candle;
            _start = (_start + 1) % _bars.Length;
        }
        else
        {
            _bars[(_start + Count) % _bars.Length] = candle;
            Count++;
        }

        return CandleAppendResult.Appended;
    }

    /// <summary>Replaces everything with <paramref name="closedBars"/> (oldest first), e.g. after a REST backfill.</summary>
    public void Reset(IEnumerable<Candle> closedBars)
    {
        ArgumentNullException.ThrowIfNull(closedBars);
        _start = 0;
        Count = 0;
        Array.Clear(_bars);
        foreach (var bar in closedBars.Where(bar => bar.IsClosed).OrderBy(bar => bar.OpenTime))
        {
            if (Last is { } last && bar.OpenTime <= last.OpenTime)
            {
                continue;
            }

            if (Count == _bars.Length)
            {
                _bars[_start] = bar;
                _start = (_start + 1) % _bars.Length;
            }
            else
            {
                _bars[Count++] = bar;
            }
        }
    }

    /// <summary>A copy of the candles up to and including <paramref name="openTime"/>, oldest first.</summary>
    public Candle[] CopyThrough(DateTimeOffset openTime)
    {
        var result = new List<Candle>(Count);
        for (var index = 0; index < Count; index++)
        {
            var bar = _bars[(_start + index) % _bars.Length];
            if (bar.OpenTime > openTime)
            {
                break;
            }

            result.Add(bar);
        }

        return [.. result];
    }
}
