namespace BreakoutBot.Web.ApiClients;

/// <summary>A detected horizontal level.</summary>
public sealed record ScanLevelRow(decimal Price, string Role, int Touches, double Strength);
