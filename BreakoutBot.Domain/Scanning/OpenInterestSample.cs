namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Open interest at one moment (<c>/v5/market/open-interest</c>), in the base coin: contracts, not their value, so a
/// price move alone does not look like positions being opened or closed.
/// </summary>
public readonly record struct OpenInterestSample(DateTimeOffset Time, decimal OpenInterest);
