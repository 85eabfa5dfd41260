using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Market;

/// <summary>Bars of every Bybit interval from the simulated market: aggregated from 5-minute bars, or cut from their tapes.</summary>
internal static class SubBars
{
    /// <summary>
    /// Bars of <paramref name="interval"/> (5 minutes or longer) from the closed 5-minute bars and the one forming, oldest
    /// first; the last is open until its interval has ended by <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<Candle> FromFiveMinuteBars(IReadOnlyList<Candle> closed, Candle? formingSoFar, CandleInterval interval, DateTimeOffset now)
    {
        var bars = new List<Candle>(closed.Count + 1);
        bars.AddRange(closed);
        if (formingSoFar is not null)
        {
            bars.Add(formingSoFar);
        }

        if (interval == CandleInterval.FiveMinutes)
        {
            return bars;
        }

        var result = new List<Candle>();
        var start = 0;
        while (start < bars.Count)
        {
            var open = interval.OpenTimeContaining(bars[start].OpenTime);
            var next = interval.NextOpenTime(open);
            var end = start;
            while (end < bars.Count && bars[end].OpenTime < next)
            {
                end++;
            }

            result.Add(Merge(interval, open, bars, start, end, next <= now));
            start = end;
        }

        return result;
    }

    /// <summary>
    /// The last <paramref name="limit"/> 1- or 3-minute bars opening at or before <paramref name="endOpenTime"/>, cut from
    /// the tapes of the 5-minute bars (a minute without a print repeats the last price with no volume).
    /// </summary>
    public static IReadOnlyList<Candle> FromTapes(int symbolIndex, CandleInterval interval, DateTimeOffset endOpenTime, int limit, DateTimeOffset now, SimulatedMarketFeed feed)
    {
        var minutes = interval == CandleInterval.OneMinute ? 1 : 3;
        var closed = feed.BarsOf(symbolIndex);
        var last = interval.OpenTimeContaining(endOpenTime < now ? endOpenTime : now);
        var first = last.AddMinutes(-minutes * (limit - 1));
        var oldestBar = closed[0].OpenTime;
        if (first < oldestBar)
        {
            first = interval.NextOpenTime(interval.OpenTimeContaining(oldestBar.AddTicks(-1)));
        }

        var result = new List<Candle>(limit);
        var formingIndex = closed.Count;
        for (var open = first; open <= last; open = open.AddMinutes(minutes))
        {
            var end = open.AddMinutes(minutes);
            decimal? o = null, h = null, l = null, c = null;
            decimal volume = 0, turnover = 0;
            for (var at = CandleInterval.FiveMinutes.OpenTimeContaining(open); at < end; at = at.AddMinutes(5))
            {
                var barIndex = (int)((at - oldestBar).Ticks / TimeSpan.FromMinutes(5).Ticks);
                if (barIndex < 0 || barIndex > formingIndex)
                {
                    continue;
                }

                var tape = feed.TapeOf(symbolIndex, barIndex);
                var from = tape.CountAt(open.AddTicks(-1));
                var to = tape.CountAt((end < now ? end : now).AddTicks(-1));
                if (tape.Summarise(from, to) is { } part)
                {
                    o ??= part.Open;
                    h = h is { } high ? Math.Max(high, part.High) : part.High;
                    l = l is { } low ? Math.Min(low, part.Low) : part.Low;
                    c = part.Close;
                    volume += part.Volume;
                    turnover += part.Turnover;
                }
            }

            var previousClose = result.Count > 0 ? result[^1].Close : PriceBefore(feed, symbolIndex, open, closed);
            result.Add(new Candle(interval, open, o ?? previousClose, h ?? previousClose, l ?? previousClose, c ?? previousClose, volume, decimal.Round(turnover, 4), end <= now));
        }

        return result;
    }

    private static decimal PriceBefore(SimulatedMarketFeed feed, int symbolIndex, DateTimeOffset time, IReadOnlyList<Candle> closed)
    {
        var barIndex = (int)((CandleInterval.FiveMinutes.OpenTimeContaining(time) - closed[0].OpenTime).Ticks / TimeSpan.FromMinutes(5).Ticks);
        var tape = feed.TapeOf(symbolIndex, Math.Clamp(barIndex, 0, closed.Count));
        var printed = tape.CountAt(time.AddTicks(-1));
        return printed > 0 ? tape.PriceOf(printed - 1) : tape.Bar.Open;
    }

    private static Candle Merge(CandleInterval interval, DateTimeOffset open, List<Candle> bars, int start, int end, bool isClosed)
    {
        decimal high = bars[start].High, low = bars[start].Low, volume = 0, turnover = 0;
        for (var i = start; i < end; i++)
        {
            high = Math.Max(high, bars[i].High);
            low = Math.Min(low, bars[i].Low);
            volume += bars[i].Volume;
            turnover += bars[i].Turnover;
        }

        return new Candle(interval, open, bars[start].Open, high, low, bars[end - 1].Close, volume, turnover, isClosed);
    }
}
