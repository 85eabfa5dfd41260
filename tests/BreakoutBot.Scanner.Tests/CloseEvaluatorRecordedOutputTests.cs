using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Testing;

namespace BreakoutBot.Scanner.Tests;

/// <summary>
/// Pins <see cref="CloseEvaluator"/>'s whole output — every symbol's metrics, filter values and verdicts, score and its
/// components, rank, levels, signal and each rejection with its text — over consecutive closes of a seeded synthetic
/// market, to a fingerprint recorded before the evaluator was optimised. Performance work must not change one digit
/// (doubles print round-trip, decimals with their scale). The candle window slides part-way through (as the scanner's
/// ring does), so results that depend on where a series starts are covered too.
/// </summary>
public sealed class CloseEvaluatorRecordedOutputTests
{
    private const int WarmUpBars = 150;
    private const int EvaluatedBars = 40;
    private const int WindowBars = 170;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_SeededMarketConsecutiveCloses_MatchesRecordedOutput()
    {
        var text = Fingerprint(seed: 23);

        // SHA-256 of the text below, recorded from the evaluator before the performance work; recorded again when the
        // preset's market-quality filters and entry rules were wired in (new rejections, fewer signals: a change of
        // meaning, not of speed).
        var hash = Hash(text);
        const string Recorded = "6CCB975F0164B73F807ACAC5AB9F3BED54233E78055F063AFF340A1589B50E3D";
        if (hash != Recorded)
        {
            var path = Path.Combine(Path.GetTempPath(), "close-evaluator-actual.txt");
            File.WriteAllText(path, text);
            Assert.Fail($"Output changed: SHA-256 {hash}, recorded {Recorded}; the actual output is in {path}.");
        }
    }

    [Fact]
    public void Evaluate_SeededMarket_ProducesSignalsAndCandidatesToPin()
    {
        var text = Fingerprint(seed: 23);

        // The fingerprint is only worth pinning if it covers signals, candidates and levels.
        Assert.Contains("signal ", text, StringComparison.Ordinal);
        Assert.Contains("candidate True", text, StringComparison.Ordinal);
        Assert.Contains("level ", text, StringComparison.Ordinal);
    }

    private static string Fingerprint(int seed)
    {
        var preset = new ActivePreset(Presets.Load("sim_breakout"), 1);
        var market = new SyntheticMarket(seed, Start, SyntheticUniverse.Default.ToList());
        var history = market.Instruments.Select(_ => new List<Candle>()).ToArray();
        var evaluator = new CloseEvaluator(preset, levelWindowBars: 120, TimeProvider.System);
        var text = new StringBuilder();
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

            // Arrays, as the scanner's store hands them over; the window slides once it is full.
            var inputs = market.Instruments.Select((instrument, s) => new SymbolInputs(
                instrument,
                [.. history[s].TakeLast(WindowBars)],
                SyntheticTicker.From(instrument, history[s]),
                SyntheticBookAndTrades.OrderBook(instrument, history[s][^1], bar, 50, history[s][^1].CloseTime),
                SyntheticBookAndTrades.Trades(instrument, history[s][^1], bar, 200),
                null)).ToList();
            Append(text, evaluator.Evaluate(candles[0].OpenTime, inputs));
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, ScanOutcome outcome)
    {
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"close {outcome.CandleOpenTime:O} signals {string.Join(',', outcome.Signals.Select(signal => signal.Id))}\n");
        foreach (var symbol in outcome.Symbols)
        {
            var evaluation = symbol.Evaluation;
            text.Append(culture, $"symbol {evaluation.Symbol} rank {symbol.Rank} candidate {symbol.Candidate} passed {evaluation.PassedAllFilters}\n");
            text.Append(culture, $"metrics {evaluation.Metrics}\n");
            foreach (var filter in evaluation.Filters)
            {
                text.Append(culture, $"filter {filter}\n");
            }

            text.Append(culture, $"score {evaluation.Score.Total:R}\n");
            foreach (var component in evaluation.Score.Components)
            {
                text.Append(culture, $"component {component}\n");
            }

            foreach (var level in symbol.Levels)
            {
                text.Append(culture, $"level {level}\n");
            }

            if (symbol.Signal is not { } signal)
            {
                continue;
            }

            if (signal.Signal is { } breakout)
            {
                text.Append(culture, $"signal {breakout} reasons {string.Join(" | ", breakout.Reasons)}\n");
            }

            foreach (var rejection in signal.Rejections)
            {
                text.Append(culture, $"rejection {rejection}\n");
            }
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
