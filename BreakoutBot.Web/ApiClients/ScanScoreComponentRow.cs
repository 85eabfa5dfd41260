namespace BreakoutBot.Web.ApiClients;

/// <summary>One score component: raw measure, clipped z-score, weight and contribution.</summary>
public sealed record ScanScoreComponentRow(string Name, double? RawValue, double? ZScore, decimal Weight, double Contribution);
