using System.Globalization;

namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// One kline. Volume is in the base coin and turnover in the quote coin, as Bybit reports them.
/// An open candle (<see cref="IsClosed"/> false) is the current, still-changing bar: its close is the last price.
/// </summary>
/// <remarks>The constructor rejects impossible bars, naming the field, so bad feed data fails where it enters.</remarks>
public sealed record Candle
{
    public Candle(
        CandleInterval interval,
        DateTimeOffset openTime,
        decimal open,
        decimal high,
        decimal low,
        decimal close,
        decimal volume,
        decimal turnover,
        bool isClosed)
    {
        RequirePositive(open, nameof(open));
        RequirePositive(high, nameof(high));
        RequirePositive(low, nameof(low));
        RequirePositive(close, nameof(close));
        if (high < Math.Max(open, close) || high < low)
        {
            throw Invalid(nameof(high), high, string.Create(CultureInfo.InvariantCulture, $"is below max(open {open}, close {close}, low {low})"), openTime);
        }

        if (low > Math.Min(open, close))
        {
            throw Invalid(nameof(low), low, string.Create(CultureInfo.InvariantCulture, $"is above min(open {open}, close {close})"), openTime);
        }

        if (volume < 0)
        {
            throw Invalid(nameof(volume), volume, "is negative", openTime);
        }

        if (turnover < 0)
        {
            throw Invalid(nameof(turnover), turnover, "is negative", openTime);
        }

        Interval = interval;
        OpenTime = openTime.ToUniversalTime();
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        Turnover = turnover;
        IsClosed = isClosed;
    }

    public CandleInterval Interval { get; }

    /// <summary>The bar's start, in UTC (offset zero).</summary>
    public DateTimeOffset OpenTime { get; }

    public decimal Open { get; }

    public decimal High { get; }

    public decimal Low { get; }

    public decimal Close { get; }

    /// <summary>Traded quantity in the base coin (e.g. BTC).</summary>
    public decimal Volume { get; }

    /// <summary>Traded value in the quote coin (e.g. USDT).</summary>
    public decimal Turnover { get; }

    /// <summary>Bybit's <c>confirm</c>: the bar is final and will not change.</summary>
    public bool IsClosed { get; }

    /// <summary>
    /// The exclusive end of the bar, equal to the next bar's open. Bybit's <c>end</c> field is one millisecond earlier.
    /// </summary>
    public DateTimeOffset CloseTime => Interval.NextOpenTime(OpenTime);

    private static void RequirePositive(decimal value, string field)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(field, value, $"Candle {field} must be positive.");
        }
    }

    private static ArgumentOutOfRangeException Invalid(string field, decimal value, string problem, DateTimeOffset openTime) =>
        new(field, value, string.Create(CultureInfo.InvariantCulture, $"Candle {field} {value} {problem} (candle opened {openTime:O})."));
}
