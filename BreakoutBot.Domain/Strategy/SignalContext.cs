using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Strategy;

/// <summary>Market state next to a closed candle. Everything is optional; a missing part skips its check.</summary>
/// <param name="Book">The order book at the candle's close: gives the executable entry and the imbalance check.</param>
/// <param name="Vwap">VWAP at the close, for the VWAP-gap cap.</param>
/// <param name="Atr">ATR to use instead of the engine's own ATR of the candles it has seen.</param>
public sealed record SignalContext(OrderBookSnapshot? Book = null, decimal? Vwap = null, decimal? Atr = null)
{
    public static SignalContext None { get; } = new();
}
