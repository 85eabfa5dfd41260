using System.Globalization;
using System.Text;
using BreakoutBot.Data.Trading;

namespace BreakoutBot.Api.Trading;

/// <summary>
/// The trade journal as RFC 4180 CSV. Text cells that a spreadsheet would run as a formula (starting with
/// <c>= + - @</c>, tab or carriage return) are prefixed with an apostrophe.
/// </summary>
public static class TradeCsv
{
    public const string Header =
        "tradeId,positionId,signalId,symbol,direction,strategy,entryPrice,exitPrice,quantity,realizedPnl,fees,rMultiple,initialRisk,exitReason,openedAt,closedAt";

    public static string Write(IEnumerable<TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var trade in trades)
        {
            csv.Append(Text(trade.TradeId)).Append(',')
                .Append(Text(trade.PositionId)).Append(',')
                .Append(Text(trade.SignalId)).Append(',')
                .Append(Text(trade.Symbol)).Append(',')
                .Append(trade.Direction).Append(',')
                .Append(Text(trade.Strategy)).Append(',')
                .Append(Number(trade.EntryPrice)).Append(',')
                .Append(Number(trade.ExitPrice)).Append(',')
                .Append(Number(trade.Quantity)).Append(',')
                .Append(Number(trade.RealizedPnl)).Append(',')
                .Append(Number(trade.Fees)).Append(',')
                .Append(Number(trade.RMultiple)).Append(',')
                .Append(Number(trade.InitialRisk)).Append(',')
                .Append(Text(trade.ExitReason)).Append(',')
                .Append(Time(trade.OpenedAt)).Append(',')
                .Append(Time(trade.ClosedAt)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
