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

    /// <summary>Where the names of the keys that act for people are listed (<c>Api:DelegatingKeys:0 = web</c>).</summary>
    public const string DelegatingKeysSection = "Api:DelegatingKeys";

    /// <summary>Name → the key's SHA-256 and role.</summary>
    public IDictionary<string, IssuedKey> Keys { get; } = new Dictionary<string, IssuedKey>(StringComparer.Ordinal);

    /// <summary>
    /// Keys that act for signed-in people (the console's): a request with such a key is the person named by its
    /// <see cref="Contracts.OnBehalfOfHeaders"/>, with the lower of the person's and the key's role; without a person it
    /// may only read.
    /// </summary>
    public ISet<string> DelegatingKeys { get; } = new HashSet<string>(StringComparer.Ordinal);
}
