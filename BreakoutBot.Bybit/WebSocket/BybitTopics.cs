using System.Globalization;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>Bybit V5 public topic names (linear).</summary>
public static class BybitTopics
{
    public static string Kline(InstrumentSymbol symbol, CandleInterval interval) => $"kline.{interval.WireName}.{symbol.Value}";

    public static string Ticker(InstrumentSymbol symbol) => $"tickers.{symbol.Value}";

    /// <param name="depth">1, 50, 200 or 1000.</param>
    public static string OrderBook(InstrumentSymbol symbol, int depth) =>
        string.Create(CultureInfo.InvariantCulture, $"orderbook.{depth}.{symbol.Value}");

    public static string Trades(InstrumentSymbol symbol) => $"publicTrade.{symbol.Value}";
}
