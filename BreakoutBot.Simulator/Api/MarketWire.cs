using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Api;

/// <summary>The shapes of Bybit's market-data results, written from domain values (shared by Sim and Paper mode).</summary>
internal static class MarketWire
{
    public static object Instrument(Instrument instrument) => InstrumentWire.Of(instrument);

    /// <summary>A kline row: <c>[start, open, high, low, close, volume, turnover]</c>.</summary>
    public static string[] KlineRow(Candle bar) =>
        [Wire.Millis(bar.OpenTime), Wire.Number(bar.Open), Wire.Number(bar.High), Wire.Number(bar.Low), Wire.Number(bar.Close), Wire.Number(bar.Volume), Wire.Number(bar.Turnover)];

    public static IEnumerable<string[]> Levels(IEnumerable<PriceLevel> levels) =>
        levels.Select(level => new[] { Wire.Number(level.Price), Wire.Number(level.Quantity) });

    public static object Trade(Trade trade) => new
    {
        execId = trade.TradeId,
        symbol = trade.Symbol.Value,
        price = Wire.Number(trade.Price),
        size = Wire.Number(trade.Size),
        side = trade.TakerSide.ToString(),
        time = Wire.Millis(trade.Time),
        isBlockTrade = trade.IsBlockTrade,
        isRPITrade = false,
    };
}
