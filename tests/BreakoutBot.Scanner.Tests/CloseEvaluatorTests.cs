using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Scanner.Publishing;
using BreakoutBot.Testing;

namespace BreakoutBot.Scanner.Tests;

/// <summary>
/// The evaluation pipeline on a seeded synthetic market with consolidation → breakout episodes, with the simulator's
/// own books and trades and the preset calibrated for it (sim_breakout).
/// </summary>
public sealed class CloseEvaluatorTests
{
    private const int WarmUpBars = 150;
    private const int EvaluatedBars = 200;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // One run of 200 closes over 32 symbols takes seconds; the tests that only read it share it.
    private static readonly Lazy<(List<ScanOutcome> Outcomes, ActivePreset Preset)> Seed11 = new(() => Run(seed: 11));

    [Fact]
    public void Evaluate_SyntheticBreakouts_EmitsSignalsOnlyForCandidates()
    {
        var (outcomes, _) = Seed11.Value;

        var signals = outcomes.SelectMany(outcome => outcome.Signals).ToList();
        Assert.NotEmpty(signals);
        foreach (var outcome in outcomes)
        {
            var candidates = outcome.Symbols.Where(symbol => symbol.Candidate).Select(symbol => symbol.Evaluation.Symbol).ToHashSet();
            Assert.All(outcome.Signals, signal => Assert.Contains(signal.Symbol, candidates));

            // Each signal carries its symbol's BTC correlation, for the executor's correlation_limit.
            var correlations = outcome.Symbols.ToDictionary(symbol => symbol.Evaluation.Symbol, symbol => symbol.Evaluation.Metrics.BtcCorrelation);
            Assert.All(outcome.Signals, signal => Assert.Equal(correlations[signal.Symbol], signal.BtcCorrelation));
            Assert.All(outcome.Symbols.Where(symbol => symbol.Candidate), symbol => Assert.True(symbol.Evaluation.PassedAllFilters));
        }

        Assert.Equal(signals.Count, signals.Select(signal => signal.Id).Distinct().Count());
        Assert.Contains(signals, signal => signal.BtcCorrelation is not null);
    }

    [Fact]
    public void Evaluate_FreshEvaluatorWithHistory_JudgesTheFirstCloseWithoutWarmUpRejections()
    {
        var (outcomes, _) = Seed11.Value;

        var first = outcomes[0];

        Assert.All(first.Symbols, symbol => Assert.DoesNotContain(
            symbol.Signal!.Rejections, rejection => rejection.Code == BreakoutBot.Domain.Strategy.SignalRejectionCode.NotEnoughHistory));
    }

    [Fact]
    public void Evaluate_SameSeed_SameSignals()
    {
        var first = Run(seed: 4).Outcomes.SelectMany(outcome => outcome.Signals).Select(signal => signal.Id);
        var second = Run(seed: 4).Outcomes.SelectMany(outcome => outcome.Signals).Select(signal => signal.Id);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ToSnapshot_EverySymbol_ExplainsEachFilterWithValueAndThreshold()
    {
        var (outcomes, preset) = Seed11.Value;
        var last = outcomes[^1];

        var snapshot = ScanSnapshotMapper.ToSnapshot(last, preset, "5", "scan-1", Start, last.Symbols.Count, signalsDisabledReason: null);

        Assert.Equal(last.Symbols.Count, snapshot.Symbols.Count);
        Assert.All(snapshot.Symbols, row =>
        {
            Assert.NotEmpty(row.Filters);
            Assert.All(row.Filters.Where(filter => !filter.Passed), filter => Assert.False(string.IsNullOrWhiteSpace(filter.Reason)));
            Assert.Equal(row.Filters.All(filter => filter.Passed), row.Passed);
        });
        Assert.Equal(snapshot.Symbols.Count(row => row.Passed), snapshot.SymbolsPassed);
        Assert.Equal(snapshot.Symbols.OrderByDescending(row => row.Score).Select(row => row.Score), snapshot.Symbols.Select(row => row.Score));

        // Levels are shown on each symbol's tick, never as the detector's averaged 8-decimal prices.
        var instruments = last.Symbols.ToDictionary(symbol => symbol.Instrument.Symbol.Value, symbol => symbol.Instrument);
        var levels = snapshot.Symbols.SelectMany(row => row.Levels.Select(level => (row.Symbol, level.Price))).ToList();
        Assert.NotEmpty(levels);
        Assert.All(levels, level => Assert.True(instruments[level.Symbol].IsOnTick(level.Price), $"{level.Symbol} level {level.Price} is off its tick {instruments[level.Symbol].TickSize}"));
        Assert.Contains(last.Symbols.SelectMany(symbol => symbol.Levels.Select(level => (symbol.Instrument, level.Price))), raw => !raw.Instrument.IsOnTick(raw.Price));
    }

    [Fact]
    public void ToSnapshot_SignalsDisabled_NamesNoSignalAndSaysWhy()
    {
        var (outcomes, preset) = Seed11.Value;
        var withSignal = outcomes.First(outcome => outcome.Signals.Count > 0);

        var snapshot = ScanSnapshotMapper.ToSnapshot(withSignal, preset, "5", "scan-2", Start, withSignal.Symbols.Count, "the engine is Paused");

        Assert.False(snapshot.SignalsEnabled);
        Assert.All(snapshot.Symbols, row => Assert.Null(row.SignalId));
        Assert.Contains(snapshot.Symbols, row => row.SignalNotes.Any(note => note.Contains("the engine is Paused", StringComparison.Ordinal)));
    }

    private static (List<ScanOutcome> Outcomes, ActivePreset Preset) Run(int seed)
    {
        var preset = new ActivePreset(Presets.Load("sim_breakout"), 1);
        var symbols = SyntheticUniverse.Default.ToList();
        var market = new SyntheticMarket(seed, Start, symbols);
        var history = market.Instruments.Select(_ => new List<Candle>()).ToArray();
        var evaluator = new CloseEvaluator(preset, levelWindowBars: 120, TimeProvider.System);
        var outcomes = new List<ScanOutcome>();
        for (var bar = 0; bar < WarmUpBars + EvaluatedBars; bar++)
        {
            var candles = market.NextBars();
            for (var s = 0; s < candles.Count; s++)
            {
                history[s].Add(candles[s]);
            }

            if (bar < WarmUpBars)
            {
                continue;
            }

            var inputs = market.Instruments.Select((instrument, s) => new SymbolInputs(
                instrument, [.. history[s].TakeLast(400)], SyntheticTicker.From(instrument, history[s]), SyntheticBookAndTrades.OrderBook(instrument, history[s][^1], bar, 50, history[s][^1].CloseTime),
                SyntheticBookAndTrades.Trades(instrument, history[s][^1], bar, 200), null)).ToList();
            outcomes.Add(evaluator.Evaluate(candles[0].OpenTime, inputs));
        }

        return (outcomes, preset);
    }
}
