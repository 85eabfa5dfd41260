namespace BreakoutBot.Web.ApiClients;

/// <summary>A filter's verdict: measured value (null: no data) against the preset's threshold.</summary>
public sealed record ScanFilterRow(string Name, decimal? Value, decimal Threshold, bool Passed, string Reason);
