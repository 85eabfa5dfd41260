using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using static BreakoutBot.Domain.Tests.Positions.PositionTestData;

namespace BreakoutBot.Domain.Tests.Positions;

/// <summary>The activity-drop and volatility-spike exits: measured from closed bars, decided by the preset's fields.</summary>
public class MarketExitTests
{
    [Fact]
    public void From_VolumeBelowTheWindowMean_IsTheShareItFell()
    {
        var rules = Config().ExitRules with { ActivityDropWindowBars = 4 };
        List<Candle> history = [.. Quiet(20, volume: 10m), VolumeBar(20, 6m)];

        var inputs = ExitInputs.From(history, rules);

        Assert.Equal(0.4m, inputs.ActivityDrop);
    }

    [Fact]
    public void From_HistoryShorterThanTheWindow_MeasuresNothing()
    {
        var rules = Config().ExitRules with { ActivityDropWindowBars = 30 };

        var inputs = ExitInputs.From(Quiet(10, volume: 10m), rules);

        Assert.Equal(new ExitInputs(null, null), inputs);
    }

    [Fact]
    public void From_BarThreeTimesTheUsualRange_IsASpikeOfThree()
    {
        // Quiet bars have a true range of 20; the last one spans 60.
        List<Candle> history = [.. Quiet(20, volume: 10m), Bar(20, 60_000m, 60_010m, 59_950m, 59_960m)];

        var inputs = ExitInputs.From(history, Config().ExitRules);

        Assert.Equal(3m, inputs.VolatilitySpike);
    }

    [Theory]
    [InlineData(false, 0.3, false)] // off: never
    [InlineData(true, 0.3, true)]   // a 40 % drop reaches a 30 % threshold
    [InlineData(true, 0.5, false)]  // ... but not a 50 % one
    public void ApplyBar_ActivityDrop_ExitsOnlyWhenEnabledAndAtTheThreshold(bool enabled, double threshold, bool exits)
    {
        var config = Config();
        config = config with { ExitRules = config.ExitRules with { ActivityDropEnabled = enabled, ActivityDropThreshold = (decimal)threshold } };

        var outcome = PositionRules.ApplyBar(Long(config), Bar(0, 60_000m, 60_100m, 59_950m, 60_050m), config, Btc, market: new ExitInputs(0.4m, null));

        Assert.Equal(exits, outcome.Exits.Any(exit => exit.Reason == ExitReason.ActivityDrop));
        Assert.Equal(exits, outcome.Position.Status == PositionStatus.Closed);
    }

    [Theory]
    [InlineData(3.0, 60_000, 59_800, true)]   // spike against the long: leave at the close
    [InlineData(3.0, 60_000, 60_200, false)]  // the same spike in the trade's favour is the move we want
    [InlineData(4.0, 60_000, 59_800, false)]  // below a higher threshold
    public void ApplyBar_VolatilitySpike_ExitsOnlyAgainstThePosition(double threshold, double open, double close, bool exits)
    {
        var config = Config();
        config = config with { ExitRules = config.ExitRules with { VolatilityExitEnabled = true, VolatilitySpikeThreshold = (decimal)threshold } };
        var bar = Bar(0, (decimal)open, Math.Max((decimal)open, (decimal)close) + 10m, Math.Min((decimal)open, (decimal)close) - 10m, (decimal)close);

        var outcome = PositionRules.ApplyBar(Long(config), bar, config, Btc, market: new ExitInputs(null, 3.5m));

        var exit = outcome.Exits.SingleOrDefault(candidate => candidate.Reason == ExitReason.VolatilitySpike);
        Assert.Equal(exits, exit is not null);
        if (exit is not null)
        {
            Assert.Equal((decimal)close, exit.Price);
        }
    }

    [Fact]
    public void ApplyBar_VolatilityExitOff_IgnoresTheSpike()
    {
        var config = Config();

        var outcome = PositionRules.ApplyBar(Long(config), Bar(0, 60_000m, 60_010m, 59_700m, 59_750m), config, Btc, market: new ExitInputs(0.9m, 50m));

        Assert.Empty(outcome.Exits);
    }

    private static List<Candle> Quiet(int count, decimal volume) =>
        [.. Enumerable.Range(0, count).Select(i => VolumeBar(i, volume))];

    private static Candle VolumeBar(int index, decimal volume) =>
        new(CandleInterval.FiveMinutes, Start.AddMinutes(5 * index), 60_000m, 60_010m, 59_990m, 60_000m, volume, volume * 60_000m, isClosed: true);
}
