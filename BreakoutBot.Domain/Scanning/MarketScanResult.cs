namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// A whole scan: every evaluated symbol (passed or not, best score first, for the operator's table) and the ranked
/// candidates handed to signal generation.
/// </summary>
public sealed record MarketScanResult(IReadOnlyList<SymbolEvaluation> Evaluations, IReadOnlyList<RankedCandidate> Candidates);
