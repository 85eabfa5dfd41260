using System.Runtime.InteropServices;
using BreakoutBot.Domain.Indicators;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Domain.Scanning.Evaluation;

/// <summary>
/// One closed candle for the whole universe, with one preset: metrics → filters → score → rank (Domain
/// <see cref="MarketScan"/>), then levels and the signal engine for every symbol that closed the bar. The signal
/// engines keep per-symbol memory (recorded breakouts for retests, cooldowns), so one evaluator lives as long as its
/// preset; a preset change creates a new one. Only candidates' signals are emitted. Books streamed between closes may be
/// handed in from another thread (<see cref="TryObserveBook"/>); the engines are guarded by one lock.
/// </summary>
/// <param name="filtersNotEvaluated">Filters the caller's data cannot feed (a backtest over klines): they pass, reported as not evaluated.</param>
public sealed class CloseEvaluator(ActivePreset preset, int levelWindowBars, TimeProvider clock, IReadOnlySet<string>? filtersNotEvaluated = null)
{
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");
    private const int WarmUpBars = 150;
    private readonly Dictionary<InstrumentSymbol, SignalEngine> _engines = [];
    private readonly Lock _gate = new();
    private readonly LevelDetectionRules _levelRules = LevelDetectionRules.FromPreset(preset?.Preset.LevelsRules ?? throw new ArgumentNullException(nameof(preset)));
    private readonly SignalRules _signalRules = SignalRules.FromPreset(preset.Preset);

    public ActivePreset Preset { get; } = preset;

    public ScanOutcome Evaluate(DateTimeOffset candleOpenTime, IReadOnlyList<SymbolInputs> universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        lock (_gate)
        {
            return EvaluateGuarded(candleOpenTime, universe);
        }
    }

    /// <summary>
    /// Hands a book seen between closes to the symbol's signal engine (its density memory), unless an evaluation holds
    /// the engines right now: the stream is sampled, so a skipped book costs nothing, and the stream is never held up.
    /// Returns whether the book was taken. A symbol without an engine yet (before its first close) has no memory to feed.
    /// </summary>
    public bool TryObserveBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!_gate.TryEnter())
        {
            return false;
        }

        try
        {
            if (!_engines.TryGetValue(book.Symbol, out var engine))
            {
                return false;
            }

            engine.ObserveBook(book);
            return true;
        }
        finally
        {
            _gate.Exit();
        }
    }

    private ScanOutcome EvaluateGuarded(DateTimeOffset candleOpenTime, IReadOnlyList<SymbolInputs> universe)
    {
        var started = clock.GetTimestamp();
        var closed = universe.Where(inputs => inputs.Candles.Count > 0 && inputs.Candles[^1].OpenTime == candleOpenTime).ToList();
        var btcCandles = closed.FirstOrDefault(inputs => inputs.Instrument.Symbol == Btc)?.Candles;
        var now = closed.Count > 0 ? closed[0].Candles[^1].CloseTime : candleOpenTime;

        var metrics = closed.Select(inputs => MarketMetricsCalculator.Compute(new MarketMetricsInput
        {
            Symbol = inputs.Instrument.Symbol,
            Now = now,
            Candles = inputs.Candles,
            BtcCandles = btcCandles,
            OrderBook = inputs.OrderBook,
            RecentTrades = inputs.RecentTrades,
            TradesCompleteSince = inputs.TradesCompleteSince,
            Ticker = inputs.Ticker,
            OpenInterestHistory = inputs.OpenInterestHistory,
        })).ToList();
        var scan = MarketScan.Run(metrics, Preset.Preset, filtersNotEvaluated: filtersNotEvaluated);
        var ranks = scan.Candidates.ToDictionary(candidate => candidate.Symbol, candidate => candidate.Rank);
        var inputsBySymbol = closed.ToDictionary(inputs => inputs.Instrument.Symbol);

        var outcomes = new List<SymbolOutcome>(scan.Evaluations.Count);
        var signals = new List<BreakoutSignal>();
        foreach (var evaluation in scan.Evaluations)
        {
            var inputs = inputsBySymbol[evaluation.Symbol];
            var (levels, signal) = EvaluateSignal(inputs);
            var candidate = ranks.TryGetValue(evaluation.Symbol, out var rank);
            if (candidate && signal?.Signal is { } breakout)
            {
                signals.Add(breakout with { BtcCorrelation = evaluation.Metrics.BtcCorrelation });
            }

            outcomes.Add(new SymbolOutcome(inputs.Instrument, evaluation, candidate ? rank : null, levels, signal, candidate));
        }

        return new ScanOutcome(candleOpenTime, outcomes, signals, clock.GetElapsedTime(started));
    }

    private (IReadOnlyList<HorizontalLevel> Levels, SignalEvaluation? Signal) EvaluateSignal(SymbolInputs inputs)
    {
        var candles = AsSpan(inputs.Candles);
        if (candles.Length < 2)
        {
            return ([], null);
        }

        // Levels come from the bars before the closed one, so a breakout bar is judged as a fresh cross.
        var levels = LevelDetector.Detect(LevelWindowBefore(candles, candles.Length - 1), _levelRules);
        var engine = EngineFor(inputs.Instrument, candles);
        var context = new SignalContext(inputs.OrderBook, Atr: AverageTrueRangeOf(candles, _signalRules.AtrPeriod));
        return (levels, engine.Evaluate(candles[^1], levels, context));
    }

    /// <summary>
    /// The symbol's signal engine. A new one first replays the recent history before the evaluated bar, judging each
    /// bar against the levels of its own past, so its volume and activity windows are full and the breakouts it
    /// remembers for retests are there; what it would have signalled then is discarded (those bars are gone).
    /// Otherwise a (re)started scanner would be blind for its first bars and for retests for hours.
    /// </summary>
    private SignalEngine EngineFor(Instrument instrument, ReadOnlySpan<Candle> candles)
    {
        if (!_engines.TryGetValue(instrument.Symbol, out var engine))
        {
            engine = new SignalEngine(instrument, _signalRules);
            _engines[instrument.Symbol] = engine;
            var warmUpBars = Math.Max(WarmUpBars, engine.HistoryBarsNeeded);
            for (var index = Math.Max(1, candles.Length - 1 - warmUpBars); index < candles.Length - 1; index++)
            {
                var levels = LevelDetector.Detect(LevelWindowBefore(candles, index), _levelRules);
                var context = new SignalContext(Atr: AverageTrueRangeOf(candles[..(index + 1)], _signalRules.AtrPeriod));
                engine.Evaluate(candles[index], levels, context);
            }
        }

        return engine;
    }

    /// <summary>The candles as a span: the store's arrays and lists are read in place, anything else is copied once.</summary>
    private static ReadOnlySpan<Candle> AsSpan(IReadOnlyList<Candle> candles) => candles switch
    {
        Candle[] array => array,
        List<Candle> list => CollectionsMarshal.AsSpan(list),
        _ => candles.ToArray(),
    };

    /// <summary>The level detector's window: up to <c>levelWindowBars</c> bars before the bar at <paramref name="index"/>.</summary>
    private ReadOnlySpan<Candle> LevelWindowBefore(ReadOnlySpan<Candle> candles, int index)
    {
        var windowStart = Math.Max(0, index - levelWindowBars);
        return candles[windowStart..index];
    }

    private static decimal? AverageTrueRangeOf(ReadOnlySpan<Candle> candles, int period)
    {
        var atr = new AverageTrueRange(period);
        foreach (var candle in candles[Math.Max(0, candles.Length - (period * 10))..])
        {
            atr.Add(new Ohlcv((double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume));
        }

        return double.IsNaN(atr.Value) ? null : (decimal)atr.Value;
    }

    /// <summary>Drops the memory of symbols that left the universe.</summary>
    public void Forget(InstrumentSymbol symbol)
    {
        lock (_gate)
        {
            _engines.Remove(symbol);
        }
    }
}
