using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Domain.Strategy;

namespace BreakoutBot.Backtesting.Tests;

/// <summary>Signals fixed in advance by the candle they close on, in place of the scanner's evaluation.</summary>
internal sealed class ScriptedSignals(params BreakoutSignal[] signals) : IBacktestSignals
{
    public IReadOnlyList<BreakoutSignal> Evaluate(DateTimeOffset candleOpenTime, IReadOnlyList<SymbolInputs> universe) =>
        [.. signals.Where(signal => signal.CandleOpenTime == candleOpenTime)];
}
