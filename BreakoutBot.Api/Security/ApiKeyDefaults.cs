namespace BreakoutBot.Api.Security;

/// <summary>Names of the API key scheme, its header and the authorization policies.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>Browsers cannot set headers on a WebSocket: the hub also accepts the key as <c>access_token</c>.</summary>
    public const string HubQueryParameter = "access_token";

    /// <summary>Mutating endpoints and the hub: a valid key is required.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>Read-only endpoints: a valid key when <c>Api:ReadRequiresKey</c> is true, otherwise open.</summary>
    public const string ReaderPolicy = "reader";

    /// <summary>The rate-limiter policy of mutating endpoints.</summary>
    public const string MutationRateLimit = "mutations";
}
