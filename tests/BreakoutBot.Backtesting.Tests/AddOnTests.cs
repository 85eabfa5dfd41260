using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>
/// <c>add_on_enabled</c> in a backtest: a long from 100 with its stop at 98 (50 units for 1 % of 10,000, no fees or
/// slippage) reaches 101.2, the stop goes to breakeven at 0.5 R, and price holds at 101 while EMA(9) climbs to within
/// 0.5 % of it: at bar 6's close half the position (25) is added at 101.
/// </summary>
public sealed class AddOnTests
{
    [Theory]
    [InlineData(true, 75.0, 100.0 + (1.0 / 3))] // 50 at 100 and 25 at 101
    [InlineData(false, 50.0, 100.0)]
    public void WinnerPulledBackToItsEma_IsAddedToOnce(bool enabled, double quantity, double averageEntry)
    {
        var bars = Enumerable.Range(0, 20).Select(Bars.Flat).ToList();
        bars[3] = Bars.At(3, 100m, 101.2m, 100m, 100.6m);
        for (var i = 4; i < 20; i++)
        {
            bars[i] = Bars.At(i, 101m, 101.1m, 100.9m, 101m);
        }

        var signals = new ScriptedSignals(new BreakoutSignal("s", Bars.Btc.Symbol, PositionDirection.Long, BreakoutStrategy.Momentum, 99.5m, 100m, 98m, 0.9, Bars.OpenOf(2), ["scripted"]));
        var preset = BacktestRunnerGoldenTests.PlainPreset();
        preset = preset with
        {
            PositionConfig = preset.PositionConfig with
            {
                BreakevenEnabled = true, BreakevenTriggerR = 0.5m, BreakevenBufferBps = 0m, AddOnEnabled = enabled, AddOnMaxSizePct = 0.5m,
            },
        };
        var settings = new BacktestSettings { Preset = preset, StartingBalance = 10_000m, TakerFeeRate = 0m, MakerFeeRate = 0m, SlippageBps = 0m, FundingRate = 0m };

        var result = new BacktestRunner(settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((decimal)quantity, trade.Quantity);
        Assert.Equal((decimal)averageEntry, trade.EntryPrice, 10);
        // Closed at the last close 101: 50 × 1 (+ 25 × 0 for the add), against the first 1 R of 50 × 2. (An average entry of
        // 100.333… is a repeating decimal: the PnL is exact to 20 places, not to the last of 28.)
        Assert.Equal(50m, decimal.Round(trade.GrossPnl, 20));
        Assert.Equal(0.5m, decimal.Round(trade.RMultiple, 20));
        Assert.Equal(decimal.Round(result.FinalEquity - result.StartingBalance, 10), decimal.Round(result.Trades.Sum(candidate => candidate.NetPnl), 10));
    }
}
