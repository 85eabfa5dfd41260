using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using BreakoutBot.Api.Errors;
using BreakoutBot.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Security;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header (or, on the hub path only, a SignalR access token: the
/// <c>Authorization: Bearer</c> header or the <c>access_token</c> query parameter). The principal's name is the
/// key's name (configured in <c>Api:Keys</c>, or issued through <c>/api/keys</c>: <see cref="StoredApiKeys"/>); its role
/// claims are the key's role and every role below it. Wrong keys are counted per
/// client address (<see cref="FailedKeyThrottle"/>); a throttled address is answered 429.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, FailedKeyThrottle throttle, StoredApiKeys stored)
    : AuthenticationHandler<ApiKeyOptions>(options, loggerFactory, encoder)
{
    public const string HubPathPrefix = "/hubs";
    public const int MaxPersonNameLength = 256;
    private const string BearerPrefix = "Bearer ";
    private TimeSpan? _refusedFor;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
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
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RefusedFor(address) is { } refusedFor)
        {
            _refusedFor = refusedFor;
            return AuthenticateResult.Fail("Too many wrong API keys from this address.");
        }

        if (Match(presented, await stored.ActiveAsync(Context.RequestAborted)) is not var (name, role))
        {
            throttle.RecordFailure(address);
            Log.ApiKeyRejected(Logger, Request.Path);
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var claims = new List<Claim>();
        if (Options.DelegatingKeys.Contains(name))
        {
            if (PersonActedFor(name, role) is not var (person, personRole, personAddress))
            {
                return AuthenticateResult.Fail(
                    $"The {OnBehalfOfHeaders.User} and {OnBehalfOfHeaders.Role} headers must name a person (at most {MaxPersonNameLength} printable characters) and a role (viewer, operator or admin).");
            }

            (name, role) = (person, personRole);
            if (personAddress is not null)
            {
                claims.Add(new Claim(ApiKeyDefaults.PersonAddressClaim, personAddress));
            }
        }

        claims.Add(new Claim(ClaimTypes.Name, name));
        claims.AddRange(Enum.GetValues<ApiRole>().Where(granted => granted <= role).Select(granted => new Claim(ClaimTypes.Role, ApiKeyDefaults.RoleName(granted))));
        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_refusedFor is not { } refusedFor)
        {
            await base.HandleChallengeAsync(properties);
            return;
        }

        var seconds = (int)Math.Ceiling(refusedFor.TotalSeconds);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.RateLimited,
                Title = "Too many wrong API keys",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"More than {FailedKeyThrottle.MaxFailures} wrong keys came from this address within {FailedKeyThrottle.Window.TotalSeconds:0} s; try again in {seconds} s."),
            },
        });
    }

    /// <summary>
    /// Who a delegating key acts for: named <c>key/person</c>, with the lower of the key's and the person's role. No
    /// person named: the key itself, reading only. Null when the headers are malformed.
    /// </summary>
    private (string Name, ApiRole Role, string? Address)? PersonActedFor(string keyName, ApiRole keyRole)
    {
        var user = Request.Headers[OnBehalfOfHeaders.User].ToString();
        var roleText = Request.Headers[OnBehalfOfHeaders.Role].ToString();
        if (user.Length == 0 && roleText.Length == 0)
        {
            return (keyName, ApiRole.Viewer, null);
        }

        string person;
        try
        {
            person = Uri.UnescapeDataString(user);
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (person.Length is 0 or > MaxPersonNameLength || person.Any(char.IsControl)
            || !ApiKeyDefaults.TryParseRole(roleText, out var personRole))
        {
            return null;
        }

        var address = Request.Headers[OnBehalfOfHeaders.Address].ToString();
        var validAddress = System.Net.IPAddress.TryParse(address, out var parsed) ? parsed.ToString() : null;
        return ($"{keyName}/{person}", personRole < keyRole ? personRole : keyRole, validAddress);
    }

    /// <summary>
    /// Compares hashes in constant time, checking every key (configured and issued) so timing does not reveal which one
    /// was close.
    /// </summary>
    private (string Name, ApiRole Role)? Match(string presented, IReadOnlyList<(string Name, IssuedKey Key)> issued)
    {
        var presentedHash = IssuedKey.HashOf(presented);
        (string, ApiRole)? match = null;
        foreach (var (name, key) in Options.Keys.Select(pair => (pair.Key, pair.Value)).Concat(issued))
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, key.Hash))
            {
                match = (name, key.Role);
            }
        }

        return match;
    }
}
