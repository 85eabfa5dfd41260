using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>
/// <c>risk.correlation_limit</c> in a backtest: the signal's correlation with BTC reaches the risk gate, and a second
/// same-side position correlated with BTC may not lift correlated exposure past 60 % of all exposure.
/// </summary>
public sealed class CorrelationLimitTests
{
    private static readonly string[] Symbols = ["ETHUSDT", "SOLUSDT", "XRPUSDT"];

    [Theory]
    [InlineData(0.7, new[] { "ETHUSDT", "XRPUSDT" })]            // SOL (0.85) would make the correlated share 100 %
    [InlineData(0.95, new[] { "ETHUSDT", "SOLUSDT", "XRPUSDT" })] // nobody reaches 0.95: no limit applies
    public void SecondCorrelatedLong_RefusedByTheLimit_UncorrelatedTaken(double limit, string[] traded)
    {
        var symbols = Symbols.Select(Instrument).ToList();
        var signals = new ScriptedSignals(
            Signal(symbols[0], closedBar: 2, correlation: 0.92),
            Signal(symbols[1], closedBar: 3, correlation: 0.85),
            Signal(symbols[2], closedBar: 4, correlation: 0.2));
        var preset = BacktestRunnerGoldenTests.PlainPreset();
        var settings = new BacktestSettings { Preset = preset with { Risk = preset.Risk with { CorrelationLimit = (decimal)limit } }, StartingBalance = 10_000m };

        var result = new BacktestRunner(settings, signals: signals).Run(
            [.. symbols.Select(instrument => new SymbolSeries(instrument, [.. Enumerable.Range(0, 12).Select(Bars.Flat)]))], TestContext.Current.CancellationToken);

        Assert.Equal(traded, result.Trades.Select(trade => trade.Symbol.Value).Order(StringComparer.Ordinal));
        Assert.Equal(traded.Length == 2 ? 1 : 0, result.Rejections.GetValueOrDefault("CorrelatedExposure"));
    }

    private static Instrument Instrument(string symbol) => new(
        InstrumentSymbol.Parse(symbol), symbol[..^4], "USDT", ContractStatus.Trading,
        tickSize: 0.1m, minPrice: 0.1m, maxPrice: 1_000_000m, qtyStep: 0.001m, minOrderQty: 0.001m, maxOrderQty: 1_000m,
        maxMarketOrderQty: 1_000m, minNotionalValue: 5m, maxLeverage: 100m);

    private static BreakoutSignal Signal(Instrument instrument, int closedBar, double correlation) =>
        new($"scripted-{instrument.Symbol.Value}", instrument.Symbol, PositionDirection.Long, BreakoutStrategy.Momentum, 99.5m, 100m, 98m, 0.9, Bars.OpenOf(closedBar), ["scripted"])
        {
            BtcCorrelation = correlation,
        };
}
