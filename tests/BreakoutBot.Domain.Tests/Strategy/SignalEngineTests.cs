using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

public sealed partial class SignalEngineTests
{
    private static readonly HorizontalLevel[] OneLevel = [LevelAt(Level)];

    [Fact]
    public void Evaluate_ConsolidationThenVolumeBreakout_SignalsOnceOnTheBreakoutBar()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));
        for (var i = 31; i < 40; i++)
        {
            path.Add(AboveBar(i, volume: 400m));
        }

        var evaluations = Feed(engine, path, OneLevel);

        var index = Assert.Single(Enumerable.Range(0, evaluations.Count), i => evaluations[i].HasSignal);
        Assert.Equal(30, index);
        var signal = evaluations[30].Signal!;
        Assert.Equal(PositionDirection.Long, signal.Direction);
        Assert.Equal(BreakoutStrategy.Momentum, signal.Strategy);
        Assert.Equal(Level, signal.LevelPrice);
        Assert.Equal(100.25m, signal.Entry);
        Assert.InRange(signal.Stop, 98.5m, 99.0m);
        Assert.True(TestInstrument.IsOnTick(signal.Stop));
        Assert.InRange(signal.Confidence, 0.0, 1.0);
        Assert.Equal(path[30].OpenTime, signal.CandleOpenTime);
        Assert.Equal("TESTUSDT-Momentum-Long-100-20261126T023000Z", signal.Id);
        Assert.Contains(evaluations.Skip(31), evaluation => evaluation.WasRejectedFor(SignalRejectionCode.LevelAlreadySignalled));
    }

    [Fact]
    public void Evaluate_PreviousCloseAlreadyBeyondLevel_DoesNotSignal()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(Bar(30, 98.6m, 99.7m, 98.5m, 99.6m));
        path.Add(Bar(31, 99.6m, 100.9m, 99.5m, 100.8m, volume: 300m));

        var evaluations = Feed(engine, path, [LevelAt(99m)]);

        Assert.DoesNotContain(evaluations, evaluation => evaluation.HasSignal && evaluation.Signal!.Strategy == BreakoutStrategy.Momentum && evaluation.Signal.CandleOpenTime == path[31].OpenTime);
        Assert.True(evaluations[31].WasRejectedFor(SignalRejectionCode.NoFreshCross));
    }

    [Fact]
    public void Evaluate_RedCandleClosingAboveLevel_DoesNotConfirmLong()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(Bar(30, 101.5m, 101.6m, 100.3m, 100.6m, volume: 300m));

        var last = Feed(engine, path, OneLevel)[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.BodyAgainstDirection));
    }

    [Fact]
    public void Evaluate_BreakoutOnLowVolume_RejectsWithVolumeTooLow()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30, volume: 120m));

        var last = Feed(engine, path, OneLevel)[^1];

        Assert.False(last.HasSignal);
        var rejection = Assert.Single(last.Rejections, rejection => rejection.Code == SignalRejectionCode.VolumeTooLow);
        Assert.Equal(BreakoutStrategy.Momentum, rejection.Strategy);
        Assert.Equal(Level, rejection.LevelPrice);
    }

    [Fact]
    public void Evaluate_CloseBeyondLevelByLessThanEpsilon_RejectsAsTooShallow()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(Bar(30, 99.2m, 100.15m, 99.1m, 100.05m, volume: 300m));

        var last = Feed(engine, path, OneLevel)[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.BreakoutTooShallow));
        Assert.Empty(engine.Breakouts);
    }

    [Fact]
    public void Evaluate_BookLeaningAgainstLong_RejectsWithImbalanceTooWeak()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        Feed(engine, path, OneLevel);

        var evaluation = engine.Evaluate(BreakoutBar(30), OneLevel, new SignalContext(Book(100.24m, 100.26m, bidQuantity: 10m, askQuantity: 30m)));

        Assert.False(evaluation.HasSignal);
        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.ImbalanceTooWeak));
    }

    [Fact]
    public void Evaluate_BookLeaningWithLong_EntersAtTheBestAsk()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var evaluation = engine.Evaluate(BreakoutBar(30), OneLevel, new SignalContext(Book(100.24m, 100.28m, bidQuantity: 30m, askQuantity: 10m)));

        Assert.Equal(100.28m, evaluation.Signal!.Entry);
    }

    [Fact]
    public void Evaluate_CloseFarFromVwap_RejectsWithVwapGapTooWide()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var evaluation = engine.Evaluate(BreakoutBar(30), OneLevel, new SignalContext(Vwap: 95m, Atr: 1m));

        Assert.False(evaluation.HasSignal);
        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.VwapGapTooWide));
    }

    [Fact]
    public void Evaluate_OpenCandle_IsRejectedAndTheClosedBarStillSignals()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var forming = engine.Evaluate(BreakoutBar(30, closed: false), OneLevel);
        var closed = engine.Evaluate(BreakoutBar(30), OneLevel);

        Assert.False(forming.HasSignal);
        Assert.True(forming.WasRejectedFor(SignalRejectionCode.CandleNotClosed));
        Assert.True(closed.HasSignal);
    }

    [Fact]
    public void Evaluate_SameClosedCandleTwice_SecondIsStaleAndSilent()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var first = engine.Evaluate(BreakoutBar(30), OneLevel);
        var replay = engine.Evaluate(BreakoutBar(30), OneLevel);

        Assert.True(first.HasSignal);
        Assert.False(replay.HasSignal);
        Assert.True(replay.WasRejectedFor(SignalRejectionCode.StaleCandle));
    }

    [Fact]
    public void Evaluate_BreakoutBeforeEnoughHistory_RejectsWithNotEnoughHistory()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow(10);
        path.Add(BreakoutBar(10));

        var last = Feed(engine, path, OneLevel)[^1];

        Assert.False(last.HasSignal);
        Assert.True(last.WasRejectedFor(SignalRejectionCode.NotEnoughHistory));
    }

    [Fact]
    public void Evaluate_CloseRunningFarPastTheLevel_RejectsWithEntryTooFarFromLevel()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var evaluation = engine.Evaluate(Bar(30, 99.6m, 100.9m, 99.5m, 100.8m, volume: 300m), OneLevel);

        Assert.False(evaluation.HasSignal);
        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.EntryTooFarFromLevel));
    }

    [Fact]
    public void Evaluate_BookAskBelowTheStop_RejectsWithNonPositiveRisk()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var evaluation = engine.Evaluate(BreakoutBar(30), OneLevel, new SignalContext(Book(97.9m, 98.0m, bidQuantity: 30m, askQuantity: 10m)));

        Assert.False(evaluation.HasSignal);
        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.NonPositiveRisk));
    }

    [Fact]
    public void Evaluate_ConfidenceBelowMinimum_RejectsWithConfidenceTooLow()
    {
        var engine = new SignalEngine(TestInstrument, Rules() with { MinConfidence = 0.99 });
        Feed(engine, ConsolidationBelow(), OneLevel);

        var evaluation = engine.Evaluate(BreakoutBar(30), OneLevel);

        Assert.False(evaluation.HasSignal);
        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.ConfidenceTooLow));
    }

    [Fact]
    public void Evaluate_NoLevels_RejectsWithNoLevels()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow(), OneLevel);

        var evaluation = engine.Evaluate(BreakoutBar(30), []);

        Assert.False(evaluation.HasSignal);
        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.NoLevels));
    }

    [Fact]
    public void Evaluate_SecondLevelBrokenWithinCooldown_IsBlocked()
    {
        HorizontalLevel[] levels = [LevelAt(Level), LevelAt(102m)];
        var engine = new SignalEngine(TestInstrument, Rules() with { Cooldown = TimeSpan.FromMinutes(30) });
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));
        path.Add(Bar(31, 100.8m, 101.4m, 100.7m, 101.2m));
        path.Add(Bar(32, 101.2m, 102.3m, 101.1m, 102.25m, volume: 400m));

        var evaluations = Feed(engine, path, levels);

        Assert.True(evaluations[30].HasSignal);
        Assert.False(evaluations[32].HasSignal);
        Assert.True(evaluations[32].WasRejectedFor(SignalRejectionCode.Cooldown));
    }

    [Fact]
    public void Evaluate_SecondLevelBrokenAfterCooldown_Signals()
    {
        HorizontalLevel[] levels = [LevelAt(Level), LevelAt(102m)];
        var engine = new SignalEngine(TestInstrument, Rules() with { Cooldown = TimeSpan.FromMinutes(5) });
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));
        path.Add(Bar(31, 100.8m, 101.4m, 100.7m, 101.2m));
        path.Add(Bar(32, 101.2m, 102.3m, 101.1m, 102.25m, volume: 400m));

        var evaluations = Feed(engine, path, levels);

        Assert.Equal(102m, evaluations[32].Signal!.LevelPrice);
    }

    [Fact]
    public void Evaluate_LevelRecrossedAfterItSignalled_DoesNotSignalAgain()
    {
        var engine = new SignalEngine(TestInstrument, Rules() with { Cooldown = TimeSpan.Zero });
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));
        path.Add(Bar(31, 100.8m, 100.9m, 99.2m, 99.3m));
        path.Add(Bar(32, 99.3m, 100.9m, 99.2m, 100.8m, volume: 500m));

        var evaluations = Feed(engine, path, OneLevel);

        Assert.Single(evaluations, evaluation => evaluation.HasSignal);
        Assert.True(evaluations[32].WasRejectedFor(SignalRejectionCode.LevelAlreadySignalled));
    }

    [Fact]
    public void Evaluate_MirroredPath_SignalsShortWithStopAboveLevel()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));

        var evaluations = Feed(engine, path.Select(Mirror), OneLevel);

        var signal = Assert.Single(evaluations, evaluation => evaluation.HasSignal).Signal!;
        Assert.Equal(PositionDirection.Short, signal.Direction);
        Assert.Equal(99.75m, signal.Entry);
        Assert.InRange(signal.Stop, 101.0m, 101.5m);
        Assert.True(TestInstrument.IsOnTick(signal.Stop));
        Assert.Equal(path[30].OpenTime, signal.CandleOpenTime);
    }

    [Fact]
    public void Evaluate_MirroredBookAgainstShort_RejectsWithImbalanceTooWeak()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow().Select(Mirror), OneLevel);

        var evaluation = engine.Evaluate(Mirror(BreakoutBar(30)), OneLevel, new SignalContext(Book(99.74m, 99.76m, bidQuantity: 30m, askQuantity: 10m)));

        Assert.True(evaluation.WasRejectedFor(SignalRejectionCode.ImbalanceTooWeak));
    }

    [Fact]
    public void Evaluate_MirroredBook_ShortEntersAtTheBestBid()
    {
        var engine = new SignalEngine(TestInstrument, Rules());
        Feed(engine, ConsolidationBelow().Select(Mirror), OneLevel);

        var evaluation = engine.Evaluate(Mirror(BreakoutBar(30)), OneLevel, new SignalContext(Book(99.72m, 99.76m, bidQuantity: 10m, askQuantity: 30m)));

        Assert.Equal(99.72m, evaluation.Signal!.Entry);
    }

    [Fact]
    public void Evaluate_SamePathTwice_GivesTheSameSignals()
    {
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30, volume: 120m));
        for (var i = 31; i < 45; i++)
        {
            path.Add(AboveBar(i));
        }

        path.Add(Bar(45, 100.5m, 100.9m, 99.95m, 100.25m));

        var first = Feed(new SignalEngine(TestInstrument, Rules()), path, OneLevel).Select(evaluation => evaluation.Signal).ToList();
        var second = Feed(new SignalEngine(TestInstrument, Rules()), path, OneLevel).Select(evaluation => evaluation.Signal).ToList();

        Assert.Contains(first, signal => signal is not null);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i]?.Id, second[i]?.Id);
            Assert.Equal(first[i]?.Entry, second[i]?.Entry);
            Assert.Equal(first[i]?.Stop, second[i]?.Stop);
            Assert.Equal(first[i]?.Confidence, second[i]?.Confidence);
            Assert.Equal(first[i]?.Reasons, second[i]?.Reasons);
        }
    }

    [Fact]
    public void Evaluate_BothStrategiesFireOnOneBar_PriorityDecides()
    {
        HorizontalLevel[] levels = [LevelAt(Level), LevelAt(100.5m)];

        var momentumFirst = RunPriorityScenario(StrategyPriority.Momentum, levels);
        var retestFirst = RunPriorityScenario(StrategyPriority.Retest, levels);

        Assert.Equal(BreakoutStrategy.Momentum, momentumFirst!.Strategy);
        Assert.Equal(100.5m, momentumFirst.LevelPrice);
        Assert.Equal(BreakoutStrategy.Retest, retestFirst!.Strategy);
        Assert.Equal(Level, retestFirst.LevelPrice);
    }

    [Fact]
    public void Evaluate_LevelsDetectedFromTheRange_SignalOnceWhenTheRangeTopBreaks()
    {
        // A slow wave between 98.0 and 100.0 made of small bars (ATR about 0.5), rejected at the top every 8 bars.
        decimal[] centres = [98.2m, 98.6m, 99.0m, 99.4m, 99.8m, 99.4m, 99.0m, 98.6m];
        var range = new List<Candle>();
        for (var i = 0; i < 40; i++)
        {
            var centre = centres[i % 8];
            range.Add(Bar(i, centre, centre + 0.2m, centre - 0.2m, centre + 0.05m, volume: i % 8 == 4 ? 150m : 100m));
        }

        var levels = LevelDetector.Detect(range, LevelDetectionRules.FromPreset(PresetLevelsRules()));
        // Which of the range's levels survives separation is the detector's business; the entry cap is off here.
        var engine = new SignalEngine(TestInstrument, Rules() with { MaxEntryDistanceFraction = null });
        var path = new List<Candle>(range) { Bar(40, 98.7m, 100.9m, 98.6m, 100.8m, volume: 300m), Bar(41, 100.8m, 101.3m, 100.7m, 101.2m, volume: 300m) };

        var evaluations = Feed(engine, path, levels);

        var signal = Assert.Single(evaluations, evaluation => evaluation.HasSignal).Signal!;
        Assert.Same(signal, evaluations[40].Signal);
        Assert.Equal(PositionDirection.Long, signal.Direction);
        var broken = Assert.Single(levels, level => level.Price == signal.LevelPrice);
        Assert.Equal(LevelRole.Resistance, broken.RoleAt(range[^1].Close));
        Assert.Equal(LevelRole.Support, broken.RoleAt(path[^1].Close));
    }

    private static BreakoutSignal? RunPriorityScenario(StrategyPriority priority, HorizontalLevel[] levels)
    {
        // Both levels at once leave no close within 30 bps of each, so the entry cap is off here.
        var engine = new SignalEngine(TestInstrument, Rules() with { Priority = priority, MaxEntryDistanceFraction = null });
        engine.RecordBreakout(new RecordedBreakout(Level, PositionDirection.Long, Start));
        var path = new List<Candle>();
        for (var i = 0; i < 30; i++)
        {
            path.Add(i % 2 == 0
                ? Bar(i, 100.3m, 100.45m, 100.25m, 100.4m)
                : Bar(i, 100.4m, 100.45m, 100.25m, 100.3m));
        }

        path.Add(Bar(30, 100.3m, 100.9m, 100.02m, 100.85m, volume: 300m));
        return Feed(engine, path, levels)[^1].Signal;
    }
}
