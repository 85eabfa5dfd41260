namespace BreakoutBot.Contracts.Performance;

/// <summary>Trades whose R multiple lies in [<paramref name="FromR"/>, <paramref name="ToR"/>).</summary>
public sealed record RBucket(decimal FromR, decimal ToR, int Count)
{
    /// <summary>The R multiples counted in buckets <paramref name="width"/> wide, lowest first (empty buckets left out).</summary>
    public static IReadOnlyList<RBucket> Of(IEnumerable<decimal> rMultiples, decimal width) =>
        [.. rMultiples
            .GroupBy(r => Math.Floor(r / width))
            .OrderBy(group => group.Key)
            .Select(group => new RBucket(group.Key * width, (group.Key + 1) * width, group.Count()))];
}
