using BreakoutBot.Backtesting.Data;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>Trade tapes in Bybit's trading-history layout, and how they decide the bars the OHLC cannot.</summary>
public sealed class TradeTapeTests : IDisposable
{
    private const string Header = "timestamp,symbol,side,size,price,tickDirection,trdMatchID,grossValue,homeNotional,foreignNotional";
    private readonly string _folder = Directory.CreateTempSubdirectory("tapes-").FullName;

    [Fact]
    public void ATape_IsReadInEpochSecondsWithAFraction_OrMilliseconds_OldestFirst()
    {
        var path = Write(Header, "1767225600.1234,BTCUSDT,Buy,0.01,100.5,PlusTick,a,1,1,1", "1767225601000,BTCUSDT,Sell,0.02,100.4,MinusTick,b,1,1,1");

        var trades = TradeTapeReader.Read(path).ToList();

        Assert.Equal([(Bars.Start.AddMilliseconds(123), 100.5m), (Bars.Start.AddSeconds(1), 100.4m)], trades);
    }

    [Theory]
    [InlineData("timestamp,symbol,side,size", "1767225600,BTCUSDT,Buy,1", 1, "the header must name timestamp and price")]
    [InlineData(Header, "yesterday,BTCUSDT,Buy,0.01,100.5,PlusTick,a,1,1,1", 2, "timestamp 'yesterday' is not epoch seconds")]
    [InlineData(Header, "1767225600,BTCUSDT,Buy,0.01,-1,PlusTick,a,1,1,1", 2, "price '-1' is not a positive number")]
    [InlineData(Header, "1767225600,BTCUSDT", 2, "2 cell(s), the header needs at least 5")]
    public void ABadTape_IsRefusedNamingTheLine(string header, string row, int line, string problem)
    {
        var refusal = Assert.Throws<BacktestInputException>(() => TradeTapeReader.Read(Write(header, row)).ToList());

        Assert.Equal(line, refusal.Line);
        Assert.Contains(problem, refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ATapeGoingBackInTime_IsRefused()
    {
        var path = Write(Header, "1767225601,BTCUSDT,Buy,0.01,100.5,PlusTick,a,1,1,1", "1767225600,BTCUSDT,Buy,0.01,100.5,PlusTick,b,1,1,1");

        var refusal = Assert.Throws<BacktestInputException>(() => TradeTapeReader.Read(path).ToList());

        Assert.Equal(3, refusal.Line);
        Assert.Contains("trades must be oldest first", refusal.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "100", "101", "102.1", "99", "97.9" }, true)]  // the target 102 is traded before the stop 98
    [InlineData(new[] { "100", "99", "97.9", "101", "102.5" }, false)] // the stop is traded first: the rules' stop-first stands
    [InlineData(new string[0], false)]                                 // no trades in the bar: the rules decide
    public void AnAmbiguousBar_FollowsItsTape(string[] prices, bool targetFirst)
    {
        var position = PositionOpening.Open("p", Bars.Btc, PositionDirection.Long, 100m, 98m, 2m, Bars.Start,
            [new TakeProfitLevel { LevelName = "tp1", RewardMultiple = 1m, SizePct = 0.5m, PlacementMode = TakeProfitPlacementMode.Fixed }]);
        var bar = Bars.At(1, 100m, 102.5m, 97.5m, 101m);

        var outcome = BarPathResolver.TargetsBeforeStop(position, bar, () => [.. prices.Select(price => decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(targetFirst, outcome is not null);
        if (outcome is not null)
        {
            Assert.Equal([(ExitReason.TakeProfit, 1m, 102m), (ExitReason.StopLoss, 1m, 98m)], outcome.Exits.Select(exit => (exit.Reason, exit.Quantity, exit.Price)));
        }
    }

    [Fact]
    public void TheRunner_DecidesAnAmbiguousBarByTheTape_NotByTheModel()
    {
        var bars = Enumerable.Range(0, 10).Select(Bars.Flat).ToList();
        bars[4] = Bars.At(4, 100m, 104.8m, 97.5m, 100m); // touches the stop 98 and the 2 R target 104.3 after the entry at 100.1
        var signals = new ScriptedSignals(new BreakoutSignal("s", Bars.Btc.Symbol, PositionDirection.Long, BreakoutStrategy.Momentum, 99.5m, 100m, 98m, 0.9, Bars.OpenOf(2), ["scripted"]));
        (DateTimeOffset, decimal)[] targetFirst = [(Bars.OpenOf(4), 100m), (Bars.OpenOf(4).AddSeconds(30), 104.5m), (Bars.OpenOf(4).AddSeconds(90), 97.6m)];
        (DateTimeOffset, decimal)[] stopFirst = [(Bars.OpenOf(4), 100m), (Bars.OpenOf(4).AddSeconds(30), 97.6m), (Bars.OpenOf(4).AddSeconds(90), 104.5m)];
        var settings = new BacktestSettings { Preset = BacktestRunnerGoldenTests.PlainPreset(), SlippageBps = 10m };

        var withTarget = new BacktestRunner(settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars, targetFirst)], TestContext.Current.CancellationToken);
        var withStop = new BacktestRunner(settings, signals: signals).Run([new SymbolSeries(Bars.Btc, bars, stopFirst)], TestContext.Current.CancellationToken);

        // Half (rounded down to the lot) at the target 104.3, the rest at the stop 98 −10 bps = 97.9.
        var trade = withTarget.Trades[0];
        var atTarget = decimal.Floor(trade.Quantity * 0.5m / 0.001m) * 0.001m;
        Assert.Equal(((104.3m - 100.1m) * atTarget) + ((97.9m - 100.1m) * (trade.Quantity - atTarget)), trade.GrossPnl);
        Assert.Equal("StopLoss", trade.ExitReason);
        Assert.True(withTarget.Trades[0].GrossPnl > withStop.Trades[0].GrossPnl, "half sold at the target before the stop");
        Assert.Equal("StopLoss", withStop.Trades[0].ExitReason);
        Assert.Equal(97.9m, withStop.Trades[0].ExitPrice);
        Assert.Equal(["BTCUSDT"], withTarget.SymbolsWithTradeTapes);
    }

    private string Write(string header, params string[] rows)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".trades.csv");
        File.WriteAllText(path, string.Join('\n', [header, .. rows]) + "\n");
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
