using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Scanner.Tests;

/// <summary>A 24-hour ticker derived from the last 288 five-minute bars of a synthetic history.</summary>
internal static class SyntheticTicker
{
    public static Ticker From(Instrument instrument, List<Candle> candles)
    {
        var day = candles.TakeLast(288).ToList();
        var last = candles[^1];
        return new Ticker
        {
            Symbol = instrument.Symbol,
            Time = last.CloseTime,
            LastPrice = last.Close,
            MarkPrice = last.Close,
            IndexPrice = last.Close,
            HighPrice24h = day.Max(bar => bar.High),
            LowPrice24h = day.Min(bar => bar.Low),
            Volume24h = day.Sum(bar => bar.Volume),
            Turnover24h = day.Sum(bar => bar.Turnover),
            PriceChange24hFraction = (last.Close - day[0].Open) / day[0].Open,
            OpenInterest = day.Sum(bar => bar.Volume) / 4,
            OpenInterestValue = day.Sum(bar => bar.Volume) / 4 * last.Close,
        };
    }
}
