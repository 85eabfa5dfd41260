namespace BreakoutBot.Contracts.Info;

/// <summary>The body of <c>GET /api/info</c>.</summary>
public sealed record ApplicationInfo(string Name, string Version, string TradingMode, string InfrastructureMode);
