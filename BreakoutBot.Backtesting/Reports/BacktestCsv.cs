using System.Globalization;
using System.Text;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Accounting;

namespace BreakoutBot.Backtesting.Reports;

/// <summary><c>trades.csv</c> and <c>equity.csv</c>: invariant culture, ISO-8601 UTC times, exact decimals, LF line ends.</summary>
public static class BacktestCsv
{
    public const string TradesHeader = "symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,gross_pnl,fees,funding,net_pnl,r_multiple,exit_reason";
    public const string EquityHeader = "timestamp,equity";

    public static string Trades(IReadOnlyList<BacktestTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var text = new StringBuilder(TradesHeader).Append('\n');
        foreach (var trade in trades)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{trade.Symbol},{trade.Direction},{Time(trade.EntryTime)},{Time(trade.ExitTime)},{trade.EntryPrice},{decimal.Round(trade.ExitPrice, 8)},{trade.Quantity},")
                .Append(CultureInfo.InvariantCulture, $"{trade.GrossPnl},{trade.Fees},{trade.Funding},{trade.NetPnl},{decimal.Round(trade.RMultiple, 4)},{trade.ExitReason}\n");
        }

        return text.ToString();
    }

    public static void WriteEquity(TextWriter writer, IReadOnlyList<EquitySnapshot> equity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(equity);
        writer.Write(EquityHeader + "\n");
        foreach (var point in equity)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Time(point.At)},{decimal.Round(point.Equity, 8)}\n"));
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
