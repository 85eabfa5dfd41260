namespace BreakoutBot.Executor.Trading;

/// <summary>Position statuses as stored.</summary>
internal static class PositionStatuses
{
    /// <summary>The entry order is working.</summary>
    public const string Opening = "Opening";

    /// <summary>Filled and protected.</summary>
    public const string Open = "Open";

    /// <summary>A closing order is working.</summary>
    public const string Closing = "Closing";

    public const string Closed = "Closed";

    /// <summary>Found on the venue but not ours: reported, never traded by the engine.</summary>
    public const string External = "External";

    public static bool IsActive(string status) => status is Opening or Open or Closing;
}
