namespace BreakoutBot.Api.Security;

/// <summary>Names of the API key scheme, its header and the authorization policies.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>Browsers cannot set headers on a WebSocket: the hub also accepts the key as <c>access_token</c>.</summary>
    public const string HubQueryParameter = "access_token";

    /// <summary>Mutating endpoints: a key with the operator role (or admin).</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>Starting the engine on a real venue (testnet, demo, live): a key with the admin role.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Read-only endpoints and the hub: any valid key (viewer and up); open only when <c>Api:ReadRequiresKey</c> is false.</summary>
    public const string ReaderPolicy = "reader";

    /// <summary>The role claim value of <paramref name="role"/>: <c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public static string RoleName(ApiRole role) => role switch
    {
        ApiRole.Viewer => "viewer",
        ApiRole.Operator => "operator",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>A role by its name (viewer, operator, admin; any case); numbers and unknown names are refused.</summary>
    public static bool TryParseRole(string? text, out ApiRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !text!.Any(char.IsDigit);

    /// <summary>The claim with the address of the person a delegating key acts for.</summary>
    public const string PersonAddressClaim = "breakoutbot:person-address";

    /// <summary>The rate-limiter policy of mutating endpoints.</summary>
    public const string MutationRateLimit = "mutations";
}
