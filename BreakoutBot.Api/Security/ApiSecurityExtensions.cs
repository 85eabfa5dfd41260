using System.Threading.RateLimiting;
using BreakoutBot.Api.Errors;

namespace BreakoutBot.Api.Security;

/// <summary>Authentication (API keys), authorization policies, rate limiting and CORS.</summary>
internal static class ApiSecurityExtensions
{
    public static IHostApplicationBuilder AddApiSecurity(this IHostApplicationBuilder builder, ApiOptions api)
    {
        var roles = builder.Configuration.GetSection(ApiKeyOptions.RolesSection);
        var keys = builder.Configuration.GetSection(ApiKeyOptions.KeysSection).GetChildren()
            .Where(entry => !string.IsNullOrEmpty(entry.Value))
            .ToDictionary(entry => entry.Key, entry => IssuedKey.Parse(entry.Key, entry.Value!, roles[entry.Key]), StringComparer.Ordinal);
        var unknownRoles = roles.GetChildren().Select(entry => entry.Key).Where(name => !keys.ContainsKey(name)).ToList();
        if (unknownRoles.Count > 0)
        {
            throw new InvalidOperationException($"{ApiKeyOptions.RolesSection} names keys that {ApiKeyOptions.KeysSection} does not issue: {string.Join(", ", unknownRoles)}.");
        }

        var delegating = builder.Configuration.GetSection(ApiKeyOptions.DelegatingKeysSection).GetChildren().Select(entry => entry.Value ?? "").ToList();
        if (delegating.FirstOrDefault(name => !keys.ContainsKey(name)) is { } unknownDelegate)
        {
            throw new InvalidOperationException($"{ApiKeyOptions.DelegatingKeysSection} names '{unknownDelegate}', a key that {ApiKeyOptions.KeysSection} does not issue.");
        }

        builder.Services.AddSingleton<FailedKeyThrottle>();
        builder.Services.AddSingleton<StoredApiKeys>();
        builder.Services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, options =>
            {
                foreach (var (name, key) in keys)
                {
                    options.Keys[name] = key;
                }

                options.DelegatingKeys.UnionWith(delegating);
            });

        var readRequiresKey = api.ReadRequiresKey;
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.OperatorPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireRole(ApiKeyDefaults.RoleName(ApiRole.Operator)))
            .AddPolicy(ApiKeyDefaults.AdminPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireRole(ApiKeyDefaults.RoleName(ApiRole.Admin)))
            .AddPolicy(ApiKeyDefaults.ReaderPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAssertion(context => !readRequiresKey || context.User.IsInRole(ApiKeyDefaults.RoleName(ApiRole.Viewer))));

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ApiKeyDefaults.MutationRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = api.RateLimitPermits, Window = api.RateLimitWindow, QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ProblemTypes.RateLimited,
                        Title = "Too many requests",
                        Detail = $"At most {api.RateLimitPermits} changes per {api.RateLimitWindow.TotalSeconds:0.#} s per caller.",
                    },
                });
            };
        });

        var origins = api.CorsOrigins.Where(origin => !string.IsNullOrWhiteSpace(origin)).ToArray();
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
            }
        }));
        return builder;
    }

    /// <summary>Mutating endpoint: an operator (or admin) key, rate limited.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.OperatorPolicy).RequireRateLimiting(ApiKeyDefaults.MutationRateLimit);

    /// <summary>
    /// The emergency stop: an operator key and never rate limited — an operator pressing kill after a burst of other
    /// changes must not be answered 429.
    /// </summary>
    public static TBuilder RequireOperatorUnlimited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.OperatorPolicy).DisableRateLimiting();

    /// <summary>Administration (API keys): an admin key; changes rate limited.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.AdminPolicy).RequireRateLimiting(ApiKeyDefaults.MutationRateLimit);

    /// <summary>Read-only endpoint: any valid key (anonymous only when <c>Api:ReadRequiresKey</c> is false).</summary>
    public static TBuilder RequireReader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.ReaderPolicy);

    /// <summary>The caller's key name for the audit log.</summary>
    public static string CallerName(this HttpContext context) => context.User.Identity?.Name ?? "anonymous";

    /// <summary>Where the caller is: the person's browser address when a console acts for them, else the connection's.</summary>
    public static string? CallerAddress(this HttpContext context) =>
        context.User.FindFirst(ApiKeyDefaults.PersonAddressClaim)?.Value ?? context.Connection.RemoteIpAddress?.ToString();
}
