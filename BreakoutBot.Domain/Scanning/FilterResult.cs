namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// One scanner filter applied to one symbol: the measured value (null = no data), the preset's threshold, the verdict
/// and a sentence an operator can read.
/// </summary>
/// <param name="Name">The preset key the threshold comes from, e.g. <c>max_spread_bps</c> (see <see cref="ScanFilterNames"/>).</param>
public sealed record FilterResult(string Name, decimal? Value, decimal Threshold, bool Passed, string Reason);
