namespace BreakoutBot.Web.Identity;

/// <summary>
/// An OpenID Connect provider people may sign in to the console with (<c>Console:Oidc</c>), besides the console's own
/// users. Off unless <see cref="Authority"/> is set. The provider says who the person is and which console role they
/// have (the <see cref="RoleClaim"/> claim: viewer, operator or admin; the highest counts); a person it grants no role
/// is refused.
/// </summary>
public sealed class ConsoleSingleSignOnOptions
{
    public const string SectionName = "Console:Oidc";

    /// <summary>The provider's issuer URL (its <c>/.well-known/openid-configuration</c> is read from there).</summary>
    public Uri? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret (a secret: kept in user-secrets or the deployment's secret store, never logged).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in button.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The ID token or user-info claim that carries the console role(s).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Whether the provider's metadata must come over HTTPS (only a loopback test provider may turn this off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => Authority is not null;

    /// <summary>What is missing or wrong in the settings, or null when they are usable.</summary>
    public string? Problem() =>
        !IsEnabled ? null
        : string.IsNullOrWhiteSpace(ClientId) ? $"{SectionName}:ClientId is required when {SectionName}:Authority is set"
        : string.IsNullOrWhiteSpace(ClientSecret) ? $"{SectionName}:ClientSecret is required when {SectionName}:Authority is set"
        : RequireHttpsMetadata && Authority!.Scheme != Uri.UriSchemeHttps ? $"{SectionName}:Authority must be an https URL ({Authority} is not)"
        : null;
}
