using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Risk;

namespace BreakoutBot.Domain.Tests.Risk;

internal static class RiskTestData
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>BTCUSDT-like filters: tick 0.1, lot 0.001, min qty 0.001, min notional 5 USDT, 100x.</summary>
    public static Instrument Btc(decimal qtyStep = 0.001m, decimal minQty = 0.001m, decimal minNotional = 5m, decimal tick = 0.1m) =>
        new(InstrumentSymbol.Parse("BTCUSDT"), "BTC", "USDT", ContractStatus.Trading, tick, tick, 2_000_000m, qtyStep, minQty, 1_000m, 500m, minNotional, 100m);

    public static RiskConfig Limits(int maxPositions = 3, int maxLosses = 4) => new()
    {
        RiskPerTrade = 0.01m,
        MaxConcurrentPositions = maxPositions,
        DailyRiskLimit = 0.03m,
        MaxPositionSizeUsd = null,
        KillSwitchLossLimit = 0.06m,
        CorrelationLimit = 0.7m,
        MaxConsecutiveLosses = maxLosses,
    };

    public static PortfolioState Portfolio(decimal equity = 10_000m, decimal dayStart = 10_000m, int losses = 0, params OpenExposure[] exposures) => new()
    {
        Equity = equity,
        DayStart = DailyEquityBaseline.Start(Noon.AddHours(-12), dayStart),
        Exposures = exposures,
        ConsecutiveLosses = losses,
        KillSwitch = KillSwitch.Armed,
    };
}
