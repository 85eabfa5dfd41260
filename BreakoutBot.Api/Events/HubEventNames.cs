namespace BreakoutBot.Api.Events;

/// <summary>Client method names the hub sends besides the message types themselves.</summary>
public static class HubEventNames
{
    /// <summary>The latest scan snapshot (the JSON under <c>scan:latest</c>), pushed at most every <c>Api:ScanPushInterval</c>.</summary>
    public const string ScanSnapshot = "ScanSnapshot";

    /// <summary>The hub path.</summary>
    public const string HubPath = "/hubs/events";
}
