using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Security;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header (or, on the hub path only, a SignalR access token: the
/// <c>Authorization: Bearer</c> header or the <c>access_token</c> query parameter). The principal's name is the
/// key's configured name.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyOptions>(options, loggerFactory, encoder)
{
    public const string HubPathPrefix = "/hubs";
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyDefaults.HeaderName].ToString();
        if (presented.Length == 0 && Request.Path.StartsWithSegments(HubPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // SignalR clients send their access token as a bearer header, or (browsers, WebSocket) as a query parameter.
            var authorization = Request.Headers.Authorization.ToString();
            presented = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                ? authorization[BearerPrefix.Length..].Trim()
                : Request.Query[ApiKeyDefaults.HubQueryParameter].ToString();
        }

        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var name = Match(presented);
        if (name is null)
        {
            Log.ApiKeyRejected(Logger, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], ApiKeyDefaults.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme)));
    }

    /// <summary>Compares hashes in constant time, checking every key so timing does not reveal which one was close.</summary>
    private string? Match(string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (name, key) in Options.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                match = name;
            }
        }

        return match;
    }
}
