using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using BreakoutBot.Api.Commands;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Json;
using BreakoutBot.Contracts.Security;
using BreakoutBot.Data;
using BreakoutBot.Data.Audit;
using BreakoutBot.Data.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Security;

/// <summary>
/// <c>/api/keys</c> (admin): list the keys (configured and issued, never their text), issue one with a role (its text is
/// answered once; only its SHA-256 is stored), revoke one. Every change is in the audit log with who made it.
/// </summary>
public static partial class ApiKeysApi
{
    public const string IssuedSource = "issued";
    public const string ConfiguredSource = "configuration";

    /// <summary>The prefix of every issued key, so a leaked one is recognisable in a secret scanner.</summary>
    public const string KeyPrefix = "bbk_";

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/keys").WithTags("Keys");
        group.MapGet("/", List).WithName("ListApiKeys").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/", Create).WithName("CreateApiKey").RequireAdmin();
        group.MapDelete("/{name}", Revoke).WithName("RevokeApiKey").RequireAdmin();
        return endpoints;
    }

    public static async Task<Ok<List<ApiKeyView>>> List(TradingDbContext database, IOptionsMonitor<ApiKeyOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Get(ApiKeyDefaults.Scheme).Keys
            .Select(pair => new ApiKeyView(pair.Key, ApiKeyDefaults.RoleName(pair.Value.Role), ConfiguredSource, null, null, null, null));
        var issued = (await database.ApiKeys.AsNoTracking().ToListAsync(cancellationToken)).Select(View);
        return TypedResults.Ok(configured.Concat(issued).OrderBy(key => key.Name, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Created<IssuedApiKey>, ValidationProblem, ProblemHttpResult>> Create(
        CreateApiKeyRequest? request, HttpContext context, TradingDbContext database, IOptionsMonitor<ApiKeyOptions> options, StoredApiKeys stored, TimeProvider clock,
        ILogger<StoredApiKeys> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.Name is not { } name || !KeyName().IsMatch(name))
        {
            errors["$.name"] = ["3 to 64 lower-case letters, digits and dashes, starting with a letter or digit."];
        }

        if (!ApiKeyDefaults.TryParseRole(request?.Role, out var role))
        {
            errors["$.role"] = ["viewer, operator or admin."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        name = request!.Name!;
        if (options.Get(ApiKeyDefaults.Scheme).Keys.ContainsKey(name) || await database.ApiKeys.AnyAsync(key => key.Name == name, cancellationToken))
        {
            return Problems.Conflict($"a key named '{name}' exists (or existed: names of revoked keys are not reused, so the audit log stays unambiguous)");
        }

        var text = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var actor = context.CallerName();
        var record = new ApiKeyRecord { Name = name, Hash = IssuedKey.HashOf(text), Role = ApiKeyDefaults.RoleName(role), CreatedAt = now, CreatedBy = actor };
        database.ApiKeys.Add(record);
        Audit(database, context, "api-key.create", $"issued {name} ({record.Role})", record, now);
        await database.SaveChangesAsync(cancellationToken);
        stored.Invalidate();
        Log.ApiKeyChanged(logger, name, record.Role, "issued", actor);
        return TypedResults.Created($"/api/keys/{name}", new IssuedApiKey(name, record.Role, text, now));
    }

    public static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> Revoke(
        string name, HttpContext context, TradingDbContext database, IOptionsMonitor<ApiKeyOptions> options, StoredApiKeys stored, TimeProvider clock,
        ILogger<StoredApiKeys> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(clock);
        if (await database.ApiKeys.FindAsync([name], cancellationToken) is not { } record)
        {
            return options.Get(ApiKeyDefaults.Scheme).Keys.ContainsKey(name)
                ? Problems.Conflict($"'{name}' is configured (Api:Keys:{name}): remove it from the configuration to revoke it")
                : Problems.NotFound($"no API key is named '{name}'");
        }

        if (record.RevokedAt is null)
        {
            var now = clock.GetUtcNow();
            record.RevokedAt = now;
            record.RevokedBy = context.CallerName();
            Audit(database, context, "api-key.revoke", $"revoked {name} ({record.Role})", record, now);
            await database.SaveChangesAsync(cancellationToken);
            stored.Invalidate();
            Log.ApiKeyChanged(logger, name, record.Role, "revoked", record.RevokedBy);
        }

        return TypedResults.Ok(View(record));
    }

    private static ApiKeyView View(ApiKeyRecord record) =>
        new(record.Name, record.Role, IssuedSource, record.CreatedAt, record.CreatedBy, record.RevokedAt, record.RevokedBy);

    private static void Audit(TradingDbContext database, HttpContext context, string action, string outcome, ApiKeyRecord record, DateTimeOffset now) =>
        database.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = now,
            Source = EngineCommandSender.AuditSource,
            Actor = context.CallerName(),
            Action = action,
            Outcome = outcome,
            DetailsJson = JsonSerializer.Serialize(new { record.Name, record.Role, IssuedFrom = context.CallerAddress() }, ApiJson.Options),
        });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex KeyName();
}
