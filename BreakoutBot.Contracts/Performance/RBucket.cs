namespace BreakoutBot.Contracts.Performance;

/// <summary>Trades whose R multiple lies in [<paramref name="FromR"/>, <paramref name="ToR"/>).</summary>
public sealed record RBucket(decimal FromR, decimal ToR, int Count);
