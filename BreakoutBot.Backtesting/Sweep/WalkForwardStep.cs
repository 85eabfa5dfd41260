namespace BreakoutBot.Backtesting.Sweep;

/// <summary>
/// One walk-forward step: the combination that made the most in fold <c>Fold − 1</c> (in sample), and what it then made
/// in fold <c>Fold</c> (out of sample) — the figure a trader would actually have had choosing this way.
/// </summary>
public sealed record WalkForwardStep(int Fold, DateTimeOffset InSampleFrom, DateTimeOffset OutOfSampleFrom, DateTimeOffset OutOfSampleTo, int ChosenCombination, decimal InSampleNetPnl, decimal OutOfSampleNetPnl);
