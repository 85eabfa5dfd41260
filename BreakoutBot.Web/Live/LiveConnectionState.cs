namespace BreakoutBot.Web.Live;

/// <summary>The console's connection to the Api's event hub, as the indicator shows it.</summary>
public enum LiveConnectionState
{
    /// <summary>No API key is configured: the hub needs one, so pages only refresh by polling.</summary>
    NotConfigured,
    Connecting,
    Connected,
    Reconnecting,
    Disconnected,
}
