namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Ranks the symbols that passed every filter by score, highest first, ties broken by symbol (ordinal) so the same
/// scan always gives the same list, and keeps the best <c>max_candidates</c> (which the original never applied).
/// </summary>
public static class CandidateRanking
{
    public static IReadOnlyList<RankedCandidate> Rank(IReadOnlyList<SymbolEvaluation> evaluations, int maxCandidates)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCandidates);
        var passing = new List<SymbolEvaluation>(evaluations.Count);
        for (var i = 0; i < evaluations.Count; i++)
        {
            if (evaluations[i].PassedAllFilters)
            {
                passing.Add(evaluations[i]);
            }
        }

        passing.Sort(ByScoreThenSymbol);
        var count = Math.Min(maxCandidates, passing.Count);
        var ranked = new RankedCandidate[count];
        for (var i = 0; i < count; i++)
        {
            ranked[i] = new RankedCandidate(i + 1, passing[i]);
        }

        return ranked;
    }

    /// <summary>Highest score first; equal scores in ordinal order of the symbol.</summary>
    public static int ByScoreThenSymbol(SymbolEvaluation? x, SymbolEvaluation? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byScore = y.Score.Total.CompareTo(x.Score.Total);
        return byScore != 0 ? byScore : string.CompareOrdinal(x.Symbol.Value, y.Symbol.Value);
    }
}
