using System.Globalization;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Klines as CSV, the layout of Bybit's kline rows (<c>timestamp,open,high,low,close,volume,turnover</c>, epoch
/// milliseconds, invariant numbers): what <c>data export-sim</c>, <c>data download</c> and the paper-mode recorder write
/// and the backtest reads.
/// </summary>
public static class KlineCsvLayout
{
    public const string Header = "timestamp,open,high,low,close,volume,turnover";

    /// <summary>One bar as a line, without the line end.</summary>
    public static string Row(Candle bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return string.Create(CultureInfo.InvariantCulture,
            $"{bar.OpenTime.ToUnixTimeMilliseconds()},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Volume},{bar.Turnover}");
    }
}
