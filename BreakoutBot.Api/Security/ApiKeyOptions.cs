using Microsoft.AspNetCore.Authentication;

namespace BreakoutBot.Api.Security;

/// <summary>
/// The issued API keys. <c>Api:Keys:&lt;name&gt;</c> holds the key, or better its hash as <c>sha256:&lt;64 hex&gt;</c>
/// (then the configuration holds no secret); <c>Api:KeyRoles:&lt;name&gt;</c> its <see cref="ApiRole"/>
/// (<c>viewer</c> when not given). The name is who the caller is (audit log, rate limits). Keys are compared as
/// hashes in constant time and never logged or returned.
/// </summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string KeysSection = "Api:Keys";

    public const string RolesSection = "Api:KeyRoles";

    /// <summary>The prefix of a key given by its SHA-256 hash.</summary>
    public const string HashPrefix = "sha256:";

    /// <summary>Keys shorter than this are refused at start-up.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Name → the key's SHA-256 and role.</summary>
    public IDictionary<string, IssuedKey> Keys { get; } = new Dictionary<string, IssuedKey>(StringComparer.Ordinal);
}
