namespace BreakoutBot.Contracts.Scanner;

/// <summary>One score component: raw measure, its clipped z-score in the universe, the preset's weight and the contribution.</summary>
public sealed record ScanScoreComponentRow(string Name, double? RawValue, double? ZScore, decimal Weight, double Contribution);
