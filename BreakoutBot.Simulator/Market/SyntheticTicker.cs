using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// A symbol's ticker in Sim mode, field by field as Bybit names them (numbers as strings), shared by
/// <c>/v5/market/tickers</c> and the <c>tickers.{symbol}</c> stream: last, mark and index price from the tape now,
/// 24 h figures from the bars (the forming one included), the touch of the book now, funding from the funding model.
/// </summary>
public static class SyntheticTicker
{
    private const int BarsPerDay = 288;

    public static Dictionary<string, string> Fields(SimulatedMarketFeed feed, Instrument instrument, FundingSchedule funding)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(funding);
        var now = feed.Now;
        var moment = feed.Moment(instrument.Symbol);
        var day = feed.Candles(instrument.Symbol, CandleInterval.FiveMinutes, endOpenTime: null, limit: BarsPerDay);
        var open24h = day[0].Open;
        var hourAgo = day[Math.Max(0, day.Count - 12)].Open;
        var book = SyntheticBook.After(moment.Tape, moment.LastPrint, 1, moment.Cursor, moment.Cursor);
        var dayVolume = day.Sum(bar => bar.Volume);
        var last = moment.LastPrice;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["symbol"] = instrument.Symbol.Value,
            ["tickDirection"] = moment.Tape.SideOf(moment.LastPrint) == TakerSide.Buy ? "PlusTick" : "MinusTick",
            ["price24hPcnt"] = Number(decimal.Round((last - open24h) / open24h, 6)),
            ["lastPrice"] = Number(last),
            ["prevPrice24h"] = Number(open24h),
            ["highPrice24h"] = Number(day.Max(bar => bar.High)),
            ["lowPrice24h"] = Number(day.Min(bar => bar.Low)),
            ["prevPrice1h"] = Number(hourAgo),
            ["markPrice"] = Number(moment.MarkPrice),
            ["indexPrice"] = Number(moment.IndexPrice),
            ["openInterest"] = Number(dayVolume / 4),
            ["openInterestValue"] = Number(decimal.Round(dayVolume / 4 * last, 2)),
            ["turnover24h"] = Number(day.Sum(bar => bar.Turnover)),
            ["volume24h"] = Number(dayVolume),
            ["fundingIntervalHour"] = funding.IntervalHours.ToString(CultureInfo.InvariantCulture),
            ["nextFundingTime"] = funding.NextFundingTime(now).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["fundingRate"] = Number(funding.RateAt(moment.MarkPrice, moment.IndexPrice)),
            ["bid1Price"] = Number(book.BestBid!.Value.Price),
            ["bid1Size"] = Number(book.BestBid!.Value.Quantity),
            ["ask1Price"] = Number(book.BestAsk!.Value.Price),
            ["ask1Size"] = Number(book.BestAsk!.Value.Quantity),
        };
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
