using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>Where a backtest's signals come from at each close of the universe: the scanner's evaluator, or a script in a test.</summary>
public interface IBacktestSignals
{
    /// <param name="universe">Every symbol whose bar opening at <paramref name="candleOpenTime"/> just closed, with its history.</param>
    IReadOnlyList<BreakoutSignal> Evaluate(DateTimeOffset candleOpenTime, IReadOnlyList<SymbolInputs> universe);
}

/// <summary>The scanner's own close: metrics, filters (those klines cannot feed pass as not evaluated), score, rank, levels, signals.</summary>
public sealed class ScannerSignals(BacktestSettings settings) : IBacktestSignals
{
    private readonly CloseEvaluator _evaluator = new(
        new ActivePreset(settings?.Preset ?? throw new ArgumentNullException(nameof(settings)), 1),
        settings.LevelWindowBars,
        TimeProvider.System,
        Domain.Scanning.ScanFilterNames.NeedMoreThanKlines);

    public IReadOnlyList<BreakoutSignal> Evaluate(DateTimeOffset candleOpenTime, IReadOnlyList<SymbolInputs> universe) =>
        _evaluator.Evaluate(candleOpenTime, universe).Signals;
}
