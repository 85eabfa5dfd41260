using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Api.Info;

/// <summary>
/// The <c>Infrastructure</c> section as the AppHost hands it to the Api: which infrastructure mode it resolved
/// (<c>Containers</c> or <c>Local</c>), so operators can see how the system they talk to was started.
/// </summary>
public sealed class DeploymentOptions
{
    public const string SectionName = "Infrastructure";

    [Required(AllowEmptyStrings = false)]
    public string Mode { get; set; } = "Unknown";
}
