using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>
/// Two trades whose every figure is worked out by hand from the rules (fees, slippage, sizing, take-profit rung, funding,
/// end of data), so the accounting of the backtest is pinned to the cent and beyond.
/// </summary>
public sealed class BacktestRunnerGoldenTests
{
    private static readonly BacktestSettings Settings = new()
    {
        Preset = PlainPreset(),
        StartingBalance = 10_000m,
        TakerFeeRate = 0.00055m,
        MakerFeeRate = 0.0002m,
        SlippageBps = 10m,
        FundingRate = 0.0001m,
    };

    [Fact]
    public void ALongStoppedOut_ThenAShortWithATargetFundingAndTheEndOfData_BookedExactlyAsWorkedOutByHand()
    {
        var bars = Enumerable.Range(0, 102).Select(Bars.Flat).ToList();
        bars[3] = Bars.At(3, 100m, 100.5m, 99.8m, 100.2m);
        bars[4] = Bars.At(4, 100m, 100.1m, 97.5m, 97.8m);
        bars[100] = Bars.At(100, 99m, 99.2m, 95.5m, 96m);
        bars[101] = Bars.At(101, 96m, 96.8m, 95.9m, 96.5m);
        var signals = new ScriptedSignals(
            Signal(PositionDirection.Long, closedBar: 2, stop: 98m, level: 99.5m),
            Signal(PositionDirection.Short, closedBar: 10, stop: 102m, level: 100.5m));

        var result = new BacktestRunner(Settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Trades.Count);
        var stopped = result.Trades[0];
        // Entry: bar 3 opens at 100, +10 bps = 100.1. Risk per unit = (100.1 − 98) + (100.1 + 98) × 0.00055 = 2.208955;
        // 1 % of 10,000 / 2.208955 = 45.2701… → 45.270. Stop at 98 −10 bps = 97.902 → 97.9 (tick, worse side).
        Assert.Equal((Bars.OpenOf(3), Bars.OpenOf(5)), (stopped.EntryTime, stopped.ExitTime));
        Assert.Equal((100.1m, 97.9m, 45.270m), (stopped.EntryPrice, stopped.ExitPrice, stopped.Quantity));
        Assert.Equal(-99.594m, stopped.GrossPnl);                 // (97.9 − 100.1) × 45.27
        Assert.Equal(2.49233985m + 2.43756315m, stopped.Fees);    // 100.1 × 45.27 × 0.00055 and 97.9 × 45.27 × 0.00055
        Assert.Equal(0m, stopped.Funding);
        Assert.Equal(-104.523903m, stopped.NetPnl);
        Assert.Equal(-1.0995m, decimal.Round(stopped.RMultiple, 4)); // −104.523903 / (2.1 × 45.27)
        Assert.Equal("StopLoss", stopped.ExitReason);

        var shortTrade = result.Trades[1];
        // Entry: 100 −10 bps = 99.9. Risk per unit = 2.1 + 201.9 × 0.00055 = 2.211045; 1 % of 9,895.476097 / 2.211045
        // = 44.7548… → 44.754. Target 2 R: 99.9 − 4.2 = 95.7 for half (22.377), hit by bar 100 (maker fee); funding at
        // 08:00 on 44.754 × 100 × 0.0001 received by the short; the rest closes at the last close 96.5 +10 bps = 96.6.
        Assert.Equal((99.9m, 44.754m), (shortTrade.EntryPrice, shortTrade.Quantity));
        Assert.Equal(93.9834m + 73.8441m, shortTrade.GrossPnl);    // (99.9 − 95.7) × 22.377 + (99.9 − 96.6) × 22.377
        Assert.Equal(2.45900853m + 0.42829578m + 1.18889001m, shortTrade.Fees);
        Assert.Equal(0.44754m, shortTrade.Funding);
        Assert.Equal(164.19884568m, shortTrade.NetPnl);
        Assert.Equal(96.15m, shortTrade.ExitPrice);
        Assert.Equal("EndOfData", shortTrade.ExitReason);
        Assert.Equal(Bars.OpenOf(102), shortTrade.ExitTime);

        Assert.Equal(10_059.67494268m, result.FinalEquity);
        Assert.Equal(result.FinalEquity - result.StartingBalance, result.Trades.Sum(trade => trade.NetPnl));
        Assert.Equal(result.FinalEquity, result.Equity[^1].Equity);
        Assert.Equal(102, result.Equity.Count);
    }

    [Fact]
    public void ASignalWhoseNextBarOpensThroughTheStop_IsNotEntered_AndSaysWhy()
    {
        var bars = Enumerable.Range(0, 10).Select(Bars.Flat).ToList();
        bars[3] = Bars.At(3, 97m, 97.5m, 96m, 97m);
        var signals = new ScriptedSignals(Signal(PositionDirection.Long, closedBar: 2, stop: 98m, level: 99.5m));

        var result = new BacktestRunner(Settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);

        Assert.Empty(result.Trades);
        Assert.Equal(1, result.Rejections["OpenedThroughTheStop"]);
        Assert.Equal(Settings.StartingBalance, result.FinalEquity);
    }

    [Fact]
    public void ADailyLossBeyondTheKillSwitchLimit_FlattensAtThatClose_BlocksTheRestOfTheDay_AndTheNextDayTradesAgain()
    {
        var bars = Enumerable.Range(0, 310).Select(Bars.Flat).ToList();
        bars[4] = Bars.At(4, 100m, 100.1m, 94.5m, 95m); // −5.1 a unit on about 49 units: 2.5 % of the day's equity, the stop at 90 untouched
        var signals = new ScriptedSignals(
            Signal(PositionDirection.Long, closedBar: 2, stop: 90m, level: 99.5m),
            Signal(PositionDirection.Long, closedBar: 10, stop: 98m, level: 99.5m),
            Signal(PositionDirection.Long, closedBar: 300, stop: 98m, level: 99.5m));
        var preset = Settings.Preset with { Risk = Settings.Preset.Risk with { RiskPerTrade = 0.05m, DailyRiskLimit = 0.02m, KillSwitchLossLimit = 0.02m } };

        var result = new BacktestRunner(Settings with { Preset = preset }, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Trades.Count);
        var flattened = result.Trades[0];
        Assert.Equal("KillSwitchFlatten", flattened.ExitReason);
        Assert.Equal((Bars.OpenOf(5), 94.9m), (flattened.ExitTime, flattened.ExitPrice)); // the close 95, −10 bps, on the tick
        Assert.Equal(1, result.KillSwitchTrips);
        Assert.Equal(1, result.Rejections["KillSwitchTripped"]);
        Assert.Equal(Bars.OpenOf(301), result.Trades[1].EntryTime);
        Assert.Equal("EndOfData", result.Trades[1].ExitReason);
    }

    [Fact]
    public void BarsBeforeFrom_WarmUpOnly_AndBarsFromToOnAreNotUsed()
    {
        var bars = Enumerable.Range(0, 20).Select(Bars.Flat).ToList();
        var signals = new ScriptedSignals(
            Signal(PositionDirection.Long, closedBar: 2, stop: 98m, level: 99.5m),
            Signal(PositionDirection.Long, closedBar: 8, stop: 98m, level: 99.5m));
        var settings = Settings with { From = Bars.OpenOf(5), To = Bars.OpenOf(15) };

        var result = new BacktestRunner(settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);

        Assert.Equal(15, result.Candles);
        Assert.Equal(10, result.Equity.Count);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(Bars.OpenOf(9), trade.EntryTime);
        Assert.Equal(Bars.OpenOf(15), trade.ExitTime);
        Assert.Equal("EndOfData", trade.ExitReason);
    }

    [Fact]
    public void AnEntryTheMarginCannotCarry_IsRefusedAsTheVenueRefusesIt_AtAHigherLeverageItIsTaken()
    {
        // Entry 100.1 with the stop at 99.9: risk per unit 0.2 + 200 × 0.00055 = 0.31, so 1 % of 10,000 buys 322.580
        // (32,290.258 USDT). At leverage 3 that needs 10,763.42 + 17.76 of fee, more than the 10,000 of equity; at 4,
        // 8,072.56 + 17.76 fits.
        var bars = Enumerable.Range(0, 10).Select(Bars.Flat).ToList();
        var signals = new ScriptedSignals(Signal(PositionDirection.Long, closedBar: 2, stop: 99.9m, level: 99.5m));

        var refused = new BacktestRunner(Settings with { Leverage = 3m }, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);
        var taken = new BacktestRunner(Settings with { Leverage = 4m }, signals: signals).Run([new SymbolSeries(Bars.Btc, bars)], TestContext.Current.CancellationToken);

        Assert.Empty(refused.Trades);
        Assert.Equal(1, refused.Rejections["InsufficientMargin"]);
        Assert.Equal(322.580m, Assert.Single(taken.Trades).Quantity);
        Assert.False(taken.Rejections.ContainsKey("InsufficientMargin"));
    }

    private static BreakoutSignal Signal(PositionDirection direction, int closedBar, decimal stop, decimal level) =>
        new($"scripted-{closedBar}", Bars.Btc.Symbol, direction, BreakoutStrategy.Momentum, level, 100m, stop, 0.9, Bars.OpenOf(closedBar), ["scripted"]);

    /// <summary>The simulator's preset with one take-profit rung at 2 R for half, and no rule that moves or ends a position early.</summary>
    internal static TradingPreset PlainPreset()
    {
        var shipped = ShippedPresets.All().Single(preset => preset.Name == ShippedPresets.SimulatedMarketName);
        var preset = PresetLoader.Load(shipped.Json, shipped.Name + PresetLoader.FileExtension).Preset!;
        return preset with
        {
            Risk = preset.Risk with
            {
                RiskPerTrade = 0.01m, MaxPositionSizeUsd = null, MaxConcurrentPositions = 5, DailyRiskLimit = 0.5m, KillSwitchLossLimit = 0.5m, MaxConsecutiveLosses = 10,
            },
            PositionConfig = preset.PositionConfig with
            {
                TpLevels = [new TakeProfitLevel { LevelName = "tp1", RewardMultiple = 2m, SizePct = 0.5m, PlacementMode = TakeProfitPlacementMode.Fixed }],
                BreakevenEnabled = false,
                TrailingEnabled = false,
                ExitRules = preset.PositionConfig.ExitRules with
                {
                    FailedBreakoutEnabled = false, WeakImpulseEnabled = false, ActivityDropEnabled = false, VolatilityExitEnabled = false, MaxHoldTimeHours = 1_000m, TimeStopMinutes = null,
                },
            },
        };
    }
}
