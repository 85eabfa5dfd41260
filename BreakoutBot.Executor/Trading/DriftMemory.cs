namespace BreakoutBot.Executor.Trading;

/// <summary>
/// Which lasting differences (a size that differs, an external position) have been reported: such a condition is
/// found again every reconciliation round until someone acts, and is recorded only when new or changed. One that is
/// gone is forgotten at the end of the round, so it is reported again should it come back.
/// </summary>
internal sealed class DriftMemory
{
    private readonly Dictionary<string, (decimal Ours, decimal? Venue)> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _foundThisRound = new(StringComparer.Ordinal);

    /// <summary>Whether a difference of <paramref name="kind"/> is lasting (and so reported once, not every round).</summary>
    public static bool IsLasting(string kind) => kind is "external" or "size";

    public void BeginRound() => _foundThisRound.Clear();

    /// <summary>Notes a lasting difference found this round; true when it is new or changed and must be recorded.</summary>
    public bool IsNew(string kind, string symbol, decimal ours, decimal? venue)
    {
        var key = kind + ":" + symbol;
        _foundThisRound.Add(key);
        if (_reported.TryGetValue(key, out var previous) && previous == (ours, venue))
        {
            return false;
        }

        _reported[key] = (ours, venue);
        return true;
    }

    /// <summary>Forgets the differences not found this round (they are resolved).</summary>
    public void EndRound()
    {
        foreach (var resolved in _reported.Keys.Where(key => !_foundThisRound.Contains(key)).ToList())
        {
            _reported.Remove(resolved);
        }
    }
}
