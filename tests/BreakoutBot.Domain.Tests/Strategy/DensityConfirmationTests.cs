using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using static BreakoutBot.Domain.Tests.Strategy.StrategyTestData;

namespace BreakoutBot.Domain.Tests.Strategy;

/// <summary>
/// <c>entry_rules.require_density_confirmation</c>, <c>density_confirmation_threshold</c>, <c>enter_on_density_eat_ratio</c>
/// and <c>density_config.lookback_window_s</c>: the breakout of <see cref="StrategyTestData.ConsolidationBelow"/> at bar 30
/// (close 100.25) with books given at bars 29 and 30.
/// </summary>
public sealed class DensityConfirmationTests
{
    private static readonly HorizontalLevel[] OneLevel = [LevelAt(Level)];

    [Fact]
    public void Evaluate_AskWallAtTheLevelEatenByTheBreakout_Signals()
    {
        var outcome = Run(Rules(), before: BookAround(99.5m, wallPrice: 100.00m, wall: 20m), after: BookAround(100.25m));

        Assert.True(outcome.HasSignal, Describe(outcome));
        Assert.Contains(outcome.Signal!.Reasons, reason => reason.Contains("100 % eaten", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NoWallBeforeTheBreakout_IsRejectedNamingTheField()
    {
        var outcome = Run(Rules(), before: BookAround(99.5m), after: BookAround(100.25m));

        Assert.False(outcome.HasSignal);
        var rejection = Assert.Single(outcome.Rejections, rejection => rejection.Code == SignalRejectionCode.NoDensityAtLevel);
        Assert.Contains("require_density_confirmation", rejection.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.0, true)]   // a 20-lot bucket against the usual 1: a wall at 2x
    [InlineData(25.0, false)] // not at 25x
    public void Evaluate_DensityConfirmationThreshold_DecidesWhatIsAWall(double threshold, bool signals)
    {
        var rules = Rules();
        rules = rules with { EntryRules = rules.EntryRules! with { DensityConfirmationThreshold = (decimal)threshold } };

        var outcome = Run(rules, before: BookAround(99.5m, wallPrice: 100.00m, wall: 20m), after: BookAround(100.25m));

        Assert.Equal(signals, outcome.HasSignal);
    }

    [Theory]
    [InlineData(20.0, 0.75, false)] // the wall just above the level still stands: 0 % eaten
    [InlineData(4.0, 0.75, true)]   // 80 % of it gone
    [InlineData(4.0, 0.9, false)]   // ... but 90 % asked
    public void Evaluate_EnterOnDensityEatRatio_DecidesWhenTheWallIsEatenEnough(double standing, double eatRatio, bool signals)
    {
        var rules = Rules() with { DensityEatRatio = (decimal)eatRatio };

        var outcome = Run(rules, before: BookAround(99.5m, wallPrice: 100.30m, wall: 20m), after: BookAround(100.25m, wallPrice: 100.30m, wall: (decimal)standing));

        Assert.Equal(signals, outcome.HasSignal);
        Assert.Equal(!signals, outcome.WasRejectedFor(SignalRejectionCode.DensityNotEaten));
    }

    [Theory]
    [InlineData(600, true)] // the wall 5 minutes before is within a 10-minute window
    [InlineData(60, false)] // not within a minute
    public void Evaluate_LookbackWindow_ForgetsOlderWalls(int lookbackSeconds, bool signals)
    {
        var rules = Rules();
        rules = rules with { Density = rules.Density! with { LookbackWindowS = lookbackSeconds } };

        var outcome = Run(rules, before: BookAround(99.5m, wallPrice: 100.00m, wall: 20m), after: BookAround(100.25m));

        Assert.Equal(signals, outcome.HasSignal);
    }

    [Fact]
    public void Evaluate_WallStreamedBetweenClosesAndEatenByTheBreakout_Signals()
    {
        var path = BreakoutPath();
        var midBar = path[30].OpenTime.AddMinutes(2);

        var streamed = Run(Rules(), before: null, after: BookAround(100.25m), streamed: BookAround(99.8m, wallPrice: 100.00m, wall: 20m, time: midBar));
        var notStreamed = Run(Rules(), before: null, after: BookAround(100.25m));

        Assert.True(streamed.HasSignal, Describe(streamed));
        Assert.True(notStreamed.WasRejectedFor(SignalRejectionCode.NoDensityAtLevel), Describe(notStreamed));
    }

    [Fact]
    public void Evaluate_WallFirstSeenAtTheClose_IsNotAWallBeforeTheBreakout()
    {
        var closeTime = BreakoutPath()[30].CloseTime;

        var outcome = Run(Rules(), before: null, after: BookAround(100.25m), streamed: BookAround(100.1m, wallPrice: 100.30m, wall: 20m, time: closeTime));

        Assert.True(outcome.WasRejectedFor(SignalRejectionCode.NoDensityAtLevel), Describe(outcome));
    }

    [Fact]
    public void Evaluate_NoBookEver_SignalsAndSaysTheRuleWasNotChecked()
    {
        var outcome = Run(Rules(), before: null, after: null);

        Assert.True(outcome.HasSignal);
        Assert.Contains("no order book: density confirmation not checked", outcome.Signal!.Reasons);
    }

    private static SignalRules Rules()
    {
        var rules = RulesWithConditionsOff();
        return rules with
        {
            EntryRules = rules.EntryRules! with { RequireDensityConfirmation = true, DensityConfirmationThreshold = 2m },
            Density = rules.Density! with { BucketTicks = 1, LookbackWindowS = 600 },
            DensityEatRatio = 0.75m,
            MinImbalance = -1m, // the book's imbalance is not under test here
        };
    }

    private static List<Candle> BreakoutPath()
    {
        var path = ConsolidationBelow();
        path.Add(BreakoutBar(30));
        return path;
    }

    /// <param name="streamed">A book seen from the stream before the breakout bar is evaluated (at its own time).</param>
    private static SignalEvaluation Run(SignalRules rules, OrderBookSnapshot? before, OrderBookSnapshot? after, OrderBookSnapshot? streamed = null)
    {
        var engine = new SignalEngine(TestInstrument, rules);
        var path = BreakoutPath();
        SignalEvaluation? last = null;
        for (var i = 0; i < path.Count; i++)
        {
            if (i == 30 && streamed is not null)
            {
                engine.ObserveBook(streamed);
            }

            var book = i == 29 ? before : i == 30 ? after : null;
            last = engine.Evaluate(path[i], OneLevel, new SignalContext(Book: book));
        }

        return last!;
    }

    /// <summary>Ten one-lot levels a side around <paramref name="mid"/>, a tick apart, plus an ask of <paramref name="wall"/> at <paramref name="wallPrice"/>.</summary>
    private static OrderBookSnapshot BookAround(decimal mid, decimal? wallPrice = null, decimal wall = 0m, DateTimeOffset? time = null)
    {
        var asks = Enumerable.Range(1, 10).Select(i => new PriceLevel(mid + (0.01m * i), 1m)).Where(level => level.Price != wallPrice).ToList();
        if (wallPrice is { } price && wall > 0)
        {
            asks.Add(new PriceLevel(price, wall));
        }

        return new OrderBookSnapshot(TestInstrument.Symbol, Enumerable.Range(1, 10).Select(i => new PriceLevel(mid - (0.01m * i), 1m)), asks, time ?? Start);
    }

    private static string Describe(SignalEvaluation outcome) =>
        string.Join("; ", outcome.Rejections.Select(rejection => $"{rejection.Code}: {rejection.Detail}"));
}
