namespace BreakoutBot.Contracts.Scanner;

/// <summary>A filter's verdict: the measured value against the preset's threshold.</summary>
public sealed record ScanFilterRow(string Name, decimal? Value, decimal Threshold, bool Passed, string Reason);
