namespace BreakoutBot.Contracts.Scanner;

/// <summary>A detected horizontal level, with its role relative to the last price.</summary>
public sealed record ScanLevelRow(decimal Price, string Role, int Touches, double Strength);
