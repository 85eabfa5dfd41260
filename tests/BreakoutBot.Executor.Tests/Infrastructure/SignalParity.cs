using System.Globalization;
using System.Text;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Domain.Scanning;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Messaging.Messages;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>
/// Reconciles the signals the live scanner made with the ones a backtest of the recorded bars made, symbol by symbol
/// in time order. Alike: the same close, side, strategy, level and stop, and a live entry that is a price of the bar
/// after the close (the scanner takes the book's touch when it evaluates; the backtest the close).
/// <para>
/// A difference is explained only by what the backtest cannot see, read from the scanner's snapshot of that close:
/// a filter the klines cannot feed failed live (book, tape, open interest), or the engine was not taking signals —
/// both change what is emitted, not the signal engine's memory — or the live book's imbalance rejected the signal, or
/// one of the two entries (the backtest's close, the live book's touch) failed a check on the entry the other passed.
/// Those last ones also change the engine's memory (a level signalled, a cooldown), so later differences on that symbol
/// follow from it and are listed as such. Anything else is unexplained.
/// </para>
/// </summary>
internal sealed class SignalParity(
    IReadOnlyList<SignalDetected> live,
    IReadOnlyList<BreakoutSignal> backtestEmitted,
    IReadOnlyList<BreakoutSignal> backtestEngine,
    IReadOnlyDictionary<(string Symbol, DateTimeOffset Close), string> backtestRejections,
    IReadOnlyList<SymbolSeries> market,
    IReadOnlyDictionary<DateTimeOffset, ScanSnapshot> snapshots)
{
    private const int SpreadTicks = 20;

    /// <summary>Checks made on the entry price, the one price the live scanner takes from the book.</summary>
    private static readonly string[] EntryDependent = [nameof(SignalRejectionCode.EntryTooFarFromLevel), nameof(SignalRejectionCode.VwapGapTooWide)];

    public StringBuilder Report { get; } = new();

    public int Same { get; private set; }

    public int Unexplained { get; private set; }

    public void Reconcile(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var symbol in market.Select(series => series.Instrument.Symbol.Value))
        {
            // A close the live scanner evaluated without this symbol (its bar came late), or whose snapshot was not seen:
            // its engine did not judge that bar live, or we cannot tell; what follows on this symbol is not compared.
            var unevaluated = snapshots.Count == 0 ? (DateTimeOffset?)from : EveryClose(from, to).FirstOrDefault(close =>
                !snapshots.TryGetValue(close, out var seen) || seen.Symbols.All(row => row.Symbol != symbol)) is var gap && gap != default ? gap : null;
            DateTimeOffset? divergedAt = null;
            var closes = live.Where(signal => signal.Symbol == symbol).Select(signal => signal.CandleOpenTime)
                .Concat(backtestEngine.Where(signal => signal.Symbol.Value == symbol).Select(signal => signal.CandleOpenTime))
                .Where(time => time >= from && time <= to).Distinct().Order();
            foreach (var close in closes)
            {
                var liveSignal = live.FirstOrDefault(signal => signal.Symbol == symbol && signal.CandleOpenTime == close);
                var emitted = backtestEmitted.FirstOrDefault(signal => signal.Symbol.Value == symbol && signal.CandleOpenTime == close);
                var row = snapshots.GetValueOrDefault(close) is { } snapshot ? (snapshot, snapshot.Symbols.FirstOrDefault(candidate => candidate.Symbol == symbol)) : default;
                var imbalance = row.Item2?.SignalNotes.Any(note => note.StartsWith(nameof(SignalRejectionCode.ImbalanceTooWeak), StringComparison.Ordinal)) ?? false;
                if (liveSignal is not null && emitted is not null && Alike(liveSignal, emitted))
                {
                    Same++;
                    Line($"same     {close:u} {symbol} {liveSignal.Side} {liveSignal.Strategy} level {liveSignal.LevelPrice} entry {liveSignal.Entry} stop {liveSignal.Stop}");
                    continue;
                }

                var what = Describe(liveSignal, emitted, close, symbol);
                if (unevaluated is { } gapClose && close >= gapClose)
                {
                    Line($"unjudged {what}: the live scanner did not evaluate {symbol} at {gapClose:u} (or that close's snapshot was not seen)");
                    continue;
                }

                if (divergedAt is { } since)
                {
                    Line($"follows  {what}: the signal engine's memory of {symbol} differs since the book rejected a signal at {since:u}");
                    continue;
                }

                var entryRejected = backtestRejections.GetValueOrDefault((symbol, close)) is { } rejections
                    && EntryDependent.Any(code => rejections.Contains(code + ":", StringComparison.Ordinal));
                // The live scanner checks the entry at the book's touch, the backtest at the close: either may be the one
                // just outside a limit (EntryTooFarFromLevel by a few hundredths of a percent).
                var liveEntryRejected = row.Item2?.SignalNotes.Any(note => EntryDependent.Any(code => note.StartsWith(code + ":", StringComparison.Ordinal))) ?? false;
                var why = liveSignal is not null
                    ? emitted is null && entryRejected ? "the backtest's entry (the close) failed an entry check the live one (the book's touch) passed" : null
                    : emitted is null ? (imbalance ? "the live book's imbalance was too weak (the backtest's signal was not a candidate)" : "")
                    : row.snapshot is null ? null
                    : !row.snapshot.SignalsEnabled ? "the engine was not taking signals"
                    : imbalance ? "the live book's imbalance was too weak"
                    : liveEntryRejected ? "the live entry (the book's touch) failed an entry check the backtest's (the close) passed"
                    : row.Item2 is { Passed: false } failing && failing.Filters.Where(filter => !filter.Passed).All(filter => ScanFilterNames.NeedMoreThanKlines.Contains(filter.Name))
                        ? "live filters the klines cannot feed failed: " + string.Join(", ", failing.Filters.Where(filter => !filter.Passed).Select(filter => filter.Name))
                    : null;
                if (why == "")
                {
                    continue;
                }

                if (imbalance || entryRejected || liveEntryRejected || why is null)
                {
                    divergedAt = close;
                }

                Unexplained += why is null ? 1 : 0;
                Line(why is null
                    ? $"DIFFERS  {what}: UNEXPLAINED (live row: {(row.Item2 is null ? "not observed" : $"passed {row.Item2.Passed}, notes [{string.Join("; ", row.Item2.SignalNotes)}]")}; backtest engine: {backtestRejections.GetValueOrDefault((symbol, close)) ?? (backtestEngine.Any(signal => signal.Symbol.Value == symbol && signal.CandleOpenTime == close) ? "signal, not a candidate" : "not evaluated")})"
                    : $"explained {what}: {why}");
            }
        }
    }

    private static IEnumerable<DateTimeOffset> EveryClose(DateTimeOffset from, DateTimeOffset to)
    {
        for (var close = from; close <= to; close = close.AddMinutes(5))
        {
            yield return close;
        }
    }

    private bool Alike(SignalDetected live, BreakoutSignal backtest)
    {
        var series = market.Single(candidate => candidate.Instrument.Symbol.Value == live.Symbol);
        var next = series.Bars.FirstOrDefault(bar => bar.OpenTime == live.CandleOpenTime.AddMinutes(5));
        var allowance = SpreadTicks * series.Instrument.TickSize;
        return live.Side == backtest.Direction && live.Strategy == backtest.Strategy && live.LevelPrice == backtest.LevelPrice && live.Stop == backtest.Stop
               && next is not null && live.Entry >= next.Low - allowance && live.Entry <= next.High + allowance;
    }

    private static string Describe(SignalDetected? live, BreakoutSignal? backtest, DateTimeOffset close, string symbol) =>
        string.Create(CultureInfo.InvariantCulture, $"{close:u} {symbol} ") + (live, backtest) switch
        {
            ({ } l, { } b) => string.Create(CultureInfo.InvariantCulture, $"live {l.Side} {l.Strategy} level {l.LevelPrice} entry {l.Entry} stop {l.Stop}, backtest {b.Direction} {b.Strategy} level {b.LevelPrice} entry {b.Entry} stop {b.Stop}"),
            ({ } l, null) => string.Create(CultureInfo.InvariantCulture, $"live only {l.Side} {l.Strategy} level {l.LevelPrice}"),
            (null, { } b) => string.Create(CultureInfo.InvariantCulture, $"backtest only {b.Direction} {b.Strategy} level {b.LevelPrice}"),
            _ => "neither",
        };

    private void Line(string text) => Report.AppendLine(text);
}

/// <summary>The scanner's close evaluation in a backtest, keeping every signal its engines made (candidates or not) and the ones it emitted.</summary>
internal sealed class RecordedSignals(BacktestSettings settings, int presetVersion) : IBacktestSignals
{
    private readonly CloseEvaluator _evaluator = new(new ActivePreset(settings.Preset, presetVersion), settings.LevelWindowBars, TimeProvider.System, ScanFilterNames.NeedMoreThanKlines);

    public List<BreakoutSignal> Emitted { get; } = [];

    public List<BreakoutSignal> Engine { get; } = [];

    /// <summary>Why each symbol's engine made no signal at each close, for the report.</summary>
    public Dictionary<(string Symbol, DateTimeOffset Close), string> Rejections { get; } = [];

    public IReadOnlyList<BreakoutSignal> Evaluate(DateTimeOffset candleOpenTime, IReadOnlyList<SymbolInputs> universe)
    {
        var outcome = _evaluator.Evaluate(candleOpenTime, universe);
        Engine.AddRange(outcome.Symbols.Select(symbol => symbol.Signal?.Signal).OfType<BreakoutSignal>());
        foreach (var symbol in outcome.Symbols.Where(symbol => symbol.Signal is { Signal: null }))
        {
            Rejections[(symbol.Instrument.Symbol.Value, candleOpenTime)] = string.Join("; ", symbol.Signal!.Rejections.Select(rejection => $"{rejection.Code}: {rejection.Detail}"));
        }

        Emitted.AddRange(outcome.Signals);
        return outcome.Signals;
    }
}
