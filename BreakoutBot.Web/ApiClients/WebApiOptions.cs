namespace BreakoutBot.Web.ApiClients;

/// <summary>
/// The <c>Api</c> configuration section of the console: where the Api is and the console's own API key
/// (<c>Api:Key</c>, environment <c>Api__Key</c>), sent as <c>X-Api-Key</c> and as the hub's access token. Without a
/// key every page shows the Api's 401 (reads need a key unless the Api sets <c>Api:ReadRequiresKey=false</c>), and
/// the live hub stays disconnected; what the console may do is its key's role (the AppHost gives it admin).
/// </summary>
public sealed class WebApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Base address; a service name resolves through service discovery.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public Uri BaseAddress { get; set; } = new("https+http://api");

    /// <summary>The console's API key. A secret: never rendered, never logged.</summary>
    public string? Key { get; set; }

    public bool HasKey => !string.IsNullOrEmpty(Key);
}
