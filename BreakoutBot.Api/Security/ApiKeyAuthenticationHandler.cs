using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using BreakoutBot.Api.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Security;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header (or, on the hub path only, a SignalR access token: the
/// <c>Authorization: Bearer</c> header or the <c>access_token</c> query parameter). The principal's name is the
/// key's configured name; its role claims are the key's role and every role below it. Wrong keys are counted per
/// client address (<see cref="FailedKeyThrottle"/>); a throttled address is answered 429.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, FailedKeyThrottle throttle)
    : AuthenticationHandler<ApiKeyOptions>(options, loggerFactory, encoder)
{
    public const string HubPathPrefix = "/hubs";
    private const string BearerPrefix = "Bearer ";
    private TimeSpan? _refusedFor;

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

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.RefusedFor(address) is { } refusedFor)
        {
            _refusedFor = refusedFor;
            return Task.FromResult(AuthenticateResult.Fail("Too many wrong API keys from this address."));
        }

        if (Match(presented) is not var (name, role))
        {
            throttle.RecordFailure(address);
            Log.ApiKeyRejected(Logger, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(Enum.GetValues<ApiRole>().Where(granted => granted <= role).Select(granted => new Claim(ClaimTypes.Role, ApiKeyDefaults.RoleName(granted))));
        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme)));
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

    /// <summary>Compares hashes in constant time, checking every key so timing does not reveal which one was close.</summary>
    private (string Name, ApiRole Role)? Match(string presented)
    {
        var presentedHash = IssuedKey.HashOf(presented);
        (string, ApiRole)? match = null;
        foreach (var (name, key) in Options.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, key.Hash))
            {
                match = (name, key.Role);
            }
        }

        return match;
    }
}
