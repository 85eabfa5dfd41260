namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// Bybit's kline intervals. Wire names, durations and bucket arithmetic are in <see cref="CandleIntervalExtensions"/>.
/// </summary>
/// <remarks>All candles are aligned in UTC: intraday ones to the day, weekly ones to Monday, monthly ones to the 1st.</remarks>
public enum CandleInterval
{
    OneMinute,
    ThreeMinutes,
    FiveMinutes,
    FifteenMinutes,
    ThirtyMinutes,
    OneHour,
    TwoHours,
    FourHours,
    SixHours,
    TwelveHours,
    OneDay,
    OneWeek,

    /// <summary>A calendar month, so it has no fixed duration.</summary>
    OneMonth,
}
