namespace BreakoutBot.Web.ApiClients;

/// <summary>How old the newest Executor event and scan are.</summary>
public sealed record DataLag(DateTimeOffset? LastEventAt, double? EventAgeSeconds, DateTimeOffset? LastScanAt, double? ScanAgeSeconds);
