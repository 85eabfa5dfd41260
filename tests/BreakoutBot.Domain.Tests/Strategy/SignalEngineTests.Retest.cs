using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

public sealed partial class SignalEngineTests
{
    /// <summary>Low-volume breakout at bar 30 (recorded, no momentum signal), 14 bars holding above, a dip to the level at bar 45.</summary>
    private static List<Candle> BreakoutThenRetest(Candle retestBar, decimal holdVolume = 100m)
    {
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30, volume: 120m));
        for (var i = 31; i < 45; i++)
        {
            path.Add(AboveBar(i, holdVolume));
        }

        path.Add(retestBar);
        return path;
    }

    private static Candle RetestBar(int index = 45, decimal low = 99.95m, decimal close = 100.25m, decimal volume = 100m) =>
        Bar(index, Math.Max(close, 100.5m), 100.9m, low, close, volume);

    /// <summary>30 bars holding above the level (lows 100.5) that never crossed it.</summary>
    private static List<Candle> HoldingAbove(int count = 30) => [.. Enumerable.Range(0, count).Select(i => AboveBar(i))];

    [Fact]
    public void Evaluate_RetestAfterRecordedBreakout_SignalsRetestInBreakoutDirection()
    {
        var engine = new SignalEngine(TestInstrument, Rules());

        var evaluations = Feed(engine, BreakoutThenRetest(RetestBar()), [LevelAt(Level)]);

        Assert.True(evaluations[30].WasRejectedFor(SignalRejectionCode.VolumeTooLow));
        var signal = Assert.Single(evaluations, evaluation => evaluation.HasSignal).Signal!;
        Assert.Same(signal, evaluations[45].Signal);
        Assert.Equal(BreakoutStrategy.Retest, signal.Strategy);
        Assert.Equal(PositionDirection.Long, signal.Direction);
        Assert.Equal(100.25m, signal.Entry);
        Assert.True(signal.Stop < Level);
        Assert.InRange(signal.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void Evaluate_RetestWithoutRecordedBreakout_DoesNotSignal()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = HoldingAbove();
        path.Add(RetestBar(30));

        var last = Feed(engine, path, [LevelAt(Level)])[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.NoRecordedBreakout));
    }

    [Theory]
    [InlineData(25.0, false)]
    [InlineData(2.0, true)]
    public void Evaluate_RetestOfBreakoutHoursAgo_SignalsOnlyWithin24Hours(double hoursAgo, bool expected)
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = HoldingAbove();
        path.Add(RetestBar(30));
        engine.RecordBreakout(new RecordedBreakout(Level, PositionDirection.Long, path[^1].CloseTime.AddHours(-hoursAgo)));

        var last = Feed(engine, path, [LevelAt(Level)])[^1];

        Assert.Equal(expected, last.HasSignal);
        Assert.True(!expected || last.Signal!.Strategy == BreakoutStrategy.Retest);
    }

    [Fact]
    public void Evaluate_RetestWithinAnHourOfBreakout_RejectsAsTooRecent()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30, volume: 120m));
        path.Add(AboveBar(31));
        path.Add(RetestBar(32));

        var last = Feed(engine, path, [LevelAt(Level)])[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.BreakoutTooRecent));
    }

    [Fact]
    public void Evaluate_RetestPiercingTooDeep_RejectsWithPierceTooDeep()
    {
        var engine = new SignalEngine(TestInstrument, Rules());

        var last = Feed(engine, BreakoutThenRetest(RetestBar(low: 99.2m)), [LevelAt(Level)])[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.PierceTooDeep));
    }

    [Fact]
    public void Evaluate_RetestClosingBackThroughLevel_RejectsWithClosedThroughLevel()
    {
        var engine = new SignalEngine(TestInstrument, Rules());

        var last = Feed(engine, BreakoutThenRetest(Bar(45, 100.5m, 100.6m, 99.8m, 99.9m)), [LevelAt(Level)])[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.ClosedThroughLevel));
    }

    [Fact]
    public void Evaluate_RetestAfterVolumeDriesUp_RejectsWithActivityCollapsed()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = BreakoutThenRetest(RetestBar(volume: 10m));
        for (var i = 41; i < 45; i++)
        {
            path[i] = AboveBar(i, volume: 10m);
        }

        var last = Feed(engine, path, [LevelAt(Level)])[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.ActivityCollapsed));
    }

    [Theory]
    [InlineData(0.7, false)] // recent volume 75 against ≈ 101 before: 0.74 of it
    [InlineData(0.8, true)]
    public void Evaluate_RetestActivity_DecidedByTpmOnTouchFrac(double fraction, bool collapsed)
    {
        var engine = new SignalEngine(TestInstrument, Rules() with { MinActivityRatio = (decimal)fraction });
        var path = BreakoutThenRetest(RetestBar(volume: 75m));
        for (var i = 41; i < 45; i++)
        {
            path[i] = AboveBar(i, volume: 75m);
        }

        var last = Feed(engine, path, [LevelAt(Level)])[^1];

        Assert.Equal(!collapsed, last.HasSignal);
        Assert.Equal(collapsed, last.WasRejectedFor(SignalRejectionCode.ActivityCollapsed));
    }

    [Fact]
    public void FromPreset_TpmOnTouchFrac_IsTheRetestActivityMinimum()
    {
        var preset = RepositoryPaths.LoadShippedPreset("breakout_v1");
        preset = preset with { SignalConfig = preset.SignalConfig with { TpmOnTouchFrac = 0.65m } };

        Assert.Equal(0.65m, SignalRules.FromPreset(preset).MinActivityRatio);
    }

    [Fact]
    public void Evaluate_MirroredRetest_SignalsShortRetestWithStopAboveLevel()
    {
        var engine = new SignalEngine(TestInstrument, Rules());

        var evaluations = Feed(engine, BreakoutThenRetest(RetestBar()).Select(Mirror), [LevelAt(Level)]);

        var signal = Assert.Single(evaluations, evaluation => evaluation.HasSignal).Signal!;
        Assert.Equal(BreakoutStrategy.Retest, signal.Strategy);
        Assert.Equal(PositionDirection.Short, signal.Direction);
        Assert.Equal(99.75m, signal.Entry);
        Assert.True(signal.Stop > Level);
    }
}
