using System.Diagnostics.CodeAnalysis;

namespace BreakoutBot.Domain.MarketData;

public static class CandleIntervalExtensions
{
    private static readonly IReadOnlyList<CandleInterval> AllIntervals = Array.AsReadOnly(Enum.GetValues<CandleInterval>());

    extension(CandleInterval interval)
    {
        /// <summary>Every interval, shortest first.</summary>
        public static IReadOnlyList<CandleInterval> All => AllIntervals;

        /// <summary>Parses Bybit's spelling (<c>1 3 5 15 30 60 120 240 360 720 D W M</c>), exactly and case-sensitively.</summary>
        /// <exception cref="FormatException">Not one of Bybit's interval names; the message lists the valid ones.</exception>
        public static CandleInterval ParseWireName(string wireName)
        {
            ArgumentNullException.ThrowIfNull(wireName);
            return CandleInterval.TryParseWireName(wireName, out var parsed)
                ? parsed
                : throw new FormatException(
                    $"'{wireName}' is not a Bybit kline interval; use one of: {string.Join(' ', AllIntervals.Select(i => i.WireName))}.");
        }

        public static bool TryParseWireName([NotNullWhen(true)] string? wireName, out CandleInterval result)
        {
            foreach (var candidate in AllIntervals)
            {
                if (string.Equals(candidate.WireName, wireName, StringComparison.Ordinal))
                {
                    result = candidate;
                    return true;
                }
            }

            result = default;
            return false;
        }

        /// <summary>What a backtest can aggregate kline files to and trade on: an interval of a day or less.</summary>
        public static string BacktestIntervalRule => "a Bybit kline interval of a day or less (1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D)";

        /// <summary>Parses an interval a backtest can trade on: of a day or less.</summary>
        public static bool TryParseBacktestInterval([NotNullWhen(true)] string? wireName, out CandleInterval result) =>
            CandleInterval.TryParseWireName(wireName, out result) && result.FixedDuration is not null && result <= CandleInterval.OneDay;

        /// <summary>The <c>interval</c> parameter of <c>/v5/market/kline</c> and the <c>kline.{interval}.{symbol}</c> topic.</summary>
        public string WireName => interval switch
        {
            CandleInterval.OneMinute => "1",
            CandleInterval.ThreeMinutes => "3",
            CandleInterval.FiveMinutes => "5",
            CandleInterval.FifteenMinutes => "15",
            CandleInterval.ThirtyMinutes => "30",
            CandleInterval.OneHour => "60",
            CandleInterval.TwoHours => "120",
            CandleInterval.FourHours => "240",
            CandleInterval.SixHours => "360",
            CandleInterval.TwelveHours => "720",
            CandleInterval.OneDay => "D",
            CandleInterval.OneWeek => "W",
            CandleInterval.OneMonth => "M",
            _ => throw UnknownInterval(interval),
        };

        /// <summary>The length of every candle of this interval, or null for <see cref="CandleInterval.OneMonth"/>.</summary>
        public TimeSpan? FixedDuration => interval switch
        {
            CandleInterval.OneMinute => TimeSpan.FromMinutes(1),
            CandleInterval.ThreeMinutes => TimeSpan.FromMinutes(3),
            CandleInterval.FiveMinutes => TimeSpan.FromMinutes(5),
            CandleInterval.FifteenMinutes => TimeSpan.FromMinutes(15),
            CandleInterval.ThirtyMinutes => TimeSpan.FromMinutes(30),
            CandleInterval.OneHour => TimeSpan.FromHours(1),
            CandleInterval.TwoHours => TimeSpan.FromHours(2),
            CandleInterval.FourHours => TimeSpan.FromHours(4),
            CandleInterval.SixHours => TimeSpan.FromHours(6),
            CandleInterval.TwelveHours => TimeSpan.FromHours(12),
            CandleInterval.OneDay => TimeSpan.FromDays(1),
            CandleInterval.OneWeek => TimeSpan.FromDays(7),
            CandleInterval.OneMonth => null,
            _ => throw UnknownInterval(interval),
        };

        /// <summary>The open time (UTC) of the candle that contains <paramref name="time"/>.</summary>
        public DateTimeOffset OpenTimeContaining(DateTimeOffset time)
        {
            var utc = time.UtcDateTime;
            switch (interval)
            {
                case CandleInterval.OneMonth:
                    return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
                case CandleInterval.OneWeek:
                    var daysSinceMonday = ((int)utc.DayOfWeek + 6) % 7;
                    return new DateTimeOffset(utc.Date.AddDays(-daysSinceMonday), TimeSpan.Zero);
                default:
                    // Every intraday interval divides a day, so flooring the ticks since 0001-01-01 aligns to midnight UTC.
                    var durationTicks = interval.FixedDuration!.Value.Ticks;
                    return new DateTimeOffset(utc.Ticks - (utc.Ticks % durationTicks), TimeSpan.Zero);
            }
        }

        /// <summary>
        /// The first open time strictly after <paramref name="time"/>: for a candle's open time, the next candle's open.
        /// Months are calendar months, so the candle opened on 1 February is followed by 1 March, 28 or 29 days later.
        /// </summary>
        public DateTimeOffset NextOpenTime(DateTimeOffset time)
        {
            var open = interval.OpenTimeContaining(time);
            return interval == CandleInterval.OneMonth ? open.AddMonths(1) : open + interval.FixedDuration!.Value;
        }
    }

    private static ArgumentOutOfRangeException UnknownInterval(CandleInterval interval) =>
        new(nameof(interval), interval, "Unknown candle interval.");
}
