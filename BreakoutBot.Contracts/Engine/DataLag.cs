namespace BreakoutBot.Contracts.Engine;

/// <summary>How old the newest data is: the last Executor event, the last scan.</summary>
public sealed record DataLag(DateTimeOffset? LastEventAt, double? EventAgeSeconds, DateTimeOffset? LastScanAt, double? ScanAgeSeconds);
