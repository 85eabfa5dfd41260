using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>
/// The default simulated universe: 32 USDT perpetuals with prices, ticks and lot steps of the order real ones have,
/// so sizing, rounding and minimum-notional rules meet realistic numbers.
/// </summary>
public static class SyntheticUniverse
{
    public static IReadOnlyList<SyntheticSymbol> Default { get; } =
    [
        Make("BTCUSDT", 60_000m, 0.1m, 0.001m, 0.001m, 150m, 100m),
        Make("ETHUSDT", 3_000m, 0.01m, 0.01m, 0.01m, 2_000m, 100m),
        Make("SOLUSDT", 150m, 0.01m, 0.1m, 0.1m, 20_000m, 75m),
        Make("BNBUSDT", 550m, 0.05m, 0.01m, 0.01m, 3_000m, 75m),
        Make("XRPUSDT", 0.55m, 0.0001m, 1m, 1m, 3_000_000m, 75m),
        Make("DOGEUSDT", 0.12m, 0.00001m, 1m, 1m, 10_000_000m, 75m),
        Make("ADAUSDT", 0.45m, 0.0001m, 1m, 1m, 2_000_000m, 75m),
        Make("AVAXUSDT", 28m, 0.001m, 0.1m, 0.1m, 40_000m, 50m),
        Make("LINKUSDT", 14m, 0.001m, 0.1m, 0.1m, 60_000m, 50m),
        Make("DOTUSDT", 6.5m, 0.001m, 0.1m, 0.1m, 100_000m, 50m),
        Make("LTCUSDT", 80m, 0.01m, 0.1m, 0.1m, 10_000m, 50m),
        Make("BCHUSDT", 350m, 0.05m, 0.01m, 0.01m, 2_000m, 50m),
        Make("NEARUSDT", 5m, 0.001m, 0.1m, 0.1m, 150_000m, 50m),
        Make("APTUSDT", 8m, 0.0001m, 0.01m, 0.01m, 80_000m, 50m),
        Make("ARBUSDT", 0.9m, 0.0001m, 0.1m, 0.1m, 600_000m, 50m),
        Make("OPUSDT", 1.8m, 0.0001m, 0.1m, 0.1m, 300_000m, 50m),
        Make("SUIUSDT", 1.1m, 0.0001m, 10m, 10m, 500_000m, 50m),
        Make("INJUSDT", 22m, 0.001m, 0.1m, 0.1m, 20_000m, 50m),
        Make("TIAUSDT", 6m, 0.001m, 0.1m, 0.1m, 80_000m, 50m),
        Make("ATOMUSDT", 7m, 0.001m, 0.1m, 0.1m, 60_000m, 50m),
        Make("FILUSDT", 4.5m, 0.001m, 0.1m, 0.1m, 100_000m, 50m),
        Make("ETCUSDT", 23m, 0.001m, 0.1m, 0.1m, 20_000m, 50m),
        Make("UNIUSDT", 8m, 0.001m, 0.1m, 0.1m, 50_000m, 50m),
        Make("AAVEUSDT", 150m, 0.01m, 0.01m, 0.01m, 2_000m, 50m),
        Make("WLDUSDT", 2.2m, 0.0001m, 0.1m, 0.1m, 300_000m, 50m),
        Make("SEIUSDT", 0.4m, 0.0001m, 1m, 1m, 1_000_000m, 50m),
        Make("RNDRUSDT", 7m, 0.001m, 0.1m, 0.1m, 50_000m, 50m),
        Make("FETUSDT", 1.3m, 0.0001m, 1m, 1m, 300_000m, 50m),
        Make("1000PEPEUSDT", 0.01m, 0.0000001m, 100m, 100m, 200_000_000m, 50m),
        Make("WIFUSDT", 2.5m, 0.0001m, 1m, 1m, 300_000m, 50m),
        Make("ORDIUSDT", 35m, 0.001m, 0.01m, 0.01m, 10_000m, 50m),
        Make("JUPUSDT", 0.9m, 0.0001m, 1m, 1m, 500_000m, 50m),
    ];

    private static SyntheticSymbol Make(string symbol, decimal price, decimal tick, decimal step, decimal minQty, decimal volume, decimal leverage) =>
        new(InstrumentSymbol.Parse(symbol), price, tick, step, minQty, volume, leverage);
}
