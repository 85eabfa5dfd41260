namespace BreakoutBot.Web.ApiClients;

/// <summary>What <c>GET /api/info</c> returns.</summary>
public sealed record ApplicationInfo(string Name, string Version, string TradingMode, string InfrastructureMode);
