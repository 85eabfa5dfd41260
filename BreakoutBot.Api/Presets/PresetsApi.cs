using System.Text.Json;
using BreakoutBot.Api.Commands;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Json;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Presets;
using BreakoutBot.Data;
using BreakoutBot.Data.Audit;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Backtesting;
using BreakoutBot.Domain.Presets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Presets;

/// <summary>
/// <c>/api/presets</c>: versioned presets. Every change stores a new version after validation; a running engine keeps
/// the version it started with. Validation errors are a ValidationProblem keyed by JSONPath into the document
/// (<c>$.document.risk.risk_per_trade</c>).
/// </summary>
public static class PresetsApi
{
    private const string DocumentPath = "$.document";

    private static readonly Lazy<HashSet<string>> ShippedNames =
        new(() => [.. ShippedPresets.All().Select(preset => preset.Name)]);

    public static IEndpointRouteBuilder MapPresetsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/presets").WithTags("Presets");
        group.MapGet("/", List).WithName("ListPresets").RequireReader();
        group.MapGet("/{name}", Get).WithName("GetPreset").RequireReader();
        group.MapGet("/{name}/versions", Versions).WithName("ListPresetVersions").RequireReader();
        group.MapGet("/{name}/diff", Diff).WithName("DiffPreset").RequireReader();
        group.MapPost("/", Create).WithName("CreatePreset").RequireOperator();
        group.MapPut("/{name}", Update).WithName("UpdatePreset").RequireOperator();
        group.MapPost("/validate", Validate).WithName("ValidatePreset").RequireOperator();
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<PresetSummary>>> List(PresetStore store, TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var latest = await store.ListLatestAsync(cancellationToken);
        var backtests = await BacktestsOfAsync(database, [.. latest.Select(record => record.Name)], cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PresetSummary>>([.. latest.Select(record => Summary(record, backtests))]);
    }

    public static async Task<Results<Ok<PresetDocument>, ProblemHttpResult, ValidationProblem>> Get(
        string name, int? version, PresetStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (CheckName(name, version) is { } invalid)
        {
            return invalid;
        }

        var record = await store.FindAsync(name, version, cancellationToken);
        return record is null ? Problems.NotFound(Missing(name, version)) : TypedResults.Ok(Document(record));
    }

    public static async Task<Results<Ok<IReadOnlyList<PresetSummary>>, ProblemHttpResult, ValidationProblem>> Versions(
        string name, PresetStore store, TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (CheckName(name, null) is { } invalid)
        {
            return invalid;
        }

        var history = await store.HistoryAsync(name, cancellationToken);
        var backtests = await BacktestsOfAsync(database, [name], cancellationToken);
        return history.Count == 0
            ? Problems.NotFound(Missing(name, null))
            : TypedResults.Ok<IReadOnlyList<PresetSummary>>([.. history.Select(record => Summary(record, backtests))]);
    }

    public static async Task<Results<Ok<PresetDiff>, ProblemHttpResult, ValidationProblem>> Diff(
        string name, int? version, PresetStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (CheckName(name, version) is { } invalid)
        {
            return invalid;
        }

        var record = await store.FindAsync(name, version, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound(Missing(name, version));
        }

        var shipped = ShippedPresets.All();
        var (againstName, againstJson) = shipped.FirstOrDefault(preset => preset.Name == name) is { Json: not null } own
            ? own
            : shipped.First(preset => preset.Name == ShippedPresets.DefaultName);
        using var left = JsonDocument.Parse(againstJson);
        using var right = JsonDocument.Parse(record.Json);
        return TypedResults.Ok(new PresetDiff(record.Name, record.Version, againstName, JsonDiff.Compare(left.RootElement, right.RootElement)));
    }

    public static async Task<Results<Created<PresetDocument>, ProblemHttpResult, ValidationProblem>> Create(
        CreatePresetRequest request, HttpContext context, PresetStore store, TradingDbContext database, TimeProvider clock, ILogger<PresetStore> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        if (!PresetsNaming.IsValidName(request.Name))
        {
            return Problems.Validation("$.name", PresetsNaming.NameRule);
        }

        if (CheckComment(request.Comment) is { } badComment)
        {
            return badComment;
        }

        if (await store.FindAsync(request.Name, null, cancellationToken) is not null)
        {
            return Problems.Conflict($"preset '{request.Name}' exists; PUT /api/presets/{request.Name} adds a version");
        }

        var (stored, problem) = await StoreAsync(request.Name, request.Document, request.Comment, "preset.create", context, store, database, clock, logger, cancellationToken);
        return stored is null ? problem! : TypedResults.Created($"/api/presets/{stored.Name}?version={stored.Version}", stored);
    }

    public static async Task<Results<Ok<PresetDocument>, ProblemHttpResult, ValidationProblem>> Update(
        string name, UpdatePresetRequest request, HttpContext context, PresetStore store, TradingDbContext database, TimeProvider clock, ILogger<PresetStore> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        if (CheckName(name, null) is { } invalid)
        {
            return invalid;
        }

        if (CheckComment(request.Comment) is { } badComment)
        {
            return badComment;
        }

        if (await store.FindAsync(name, null, cancellationToken) is null)
        {
            return Problems.NotFound(Missing(name, null) + "; POST /api/presets creates it");
        }

        var (stored, problem) = await StoreAsync(name, request.Document, request.Comment, "preset.update", context, store, database, clock, logger, cancellationToken);
        return stored is null ? problem! : TypedResults.Ok(stored);
    }

    public static Results<Ok<PresetValidation>, ValidationProblem> Validate(ValidatePresetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PresetsNaming.IsValidName(request.Name))
        {
            return Problems.Validation("$.name", PresetsNaming.NameRule);
        }

        var result = PresetLoader.Load(request.Document.GetRawText(), request.Name);
        return result.IsValid ? TypedResults.Ok(new PresetValidation(request.Name, true)) : Invalid(result.Errors);
    }

    private static async Task<(PresetDocument? Stored, ValidationProblem? Problem)> StoreAsync(
        string name, JsonElement document, string? comment, string action, HttpContext context, PresetStore store, TradingDbContext database, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var actor = context.CallerName();
        var (stored, errors) = await store.AddVersionAsync(name, document.GetRawText(), actor, comment, cancellationToken);
        if (stored is null)
        {
            return (null, Invalid(errors));
        }

        database.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = clock.GetUtcNow(),
            Source = EngineCommandSender.AuditSource,
            Actor = actor,
            Action = action,
            Outcome = $"stored version {stored.Version}",
            DetailsJson = JsonSerializer.Serialize(new { stored.Name, stored.Version, stored.Comment }, ApiJson.Options),
        });
        await database.SaveChangesAsync(cancellationToken);
        Log.PresetStored(logger, stored.Name, stored.Version, actor);
        return (Document(stored), null);
    }

    private static ValidationProblem Invalid(IReadOnlyList<PresetError> errors) =>
        Problems.Validation(
            errors.GroupBy(error => DocumentPath + error.Path.TrimStart('$'), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal),
            "The preset is not valid; each error is keyed by its JSONPath in the request.");

    private static ValidationProblem? CheckName(string name, int? version)
    {
        if (!PresetsNaming.IsValidName(name))
        {
            return Problems.Validation("name", PresetsNaming.NameRule);
        }

        return version is < 1 ? Problems.Validation("version", "must be 1 or more") : null;
    }

    private static ValidationProblem? CheckComment(string? comment) =>
        comment is { Length: > 500 } ? Problems.Validation("$.comment", "must be at most 500 characters") : null;

    private static string Missing(string name, int? version) =>
        version is { } exact ? $"preset '{name}' has no version {exact}" : $"preset '{name}' does not exist";

    private static PresetSummary Summary(PresetVersionRecord record, IReadOnlyDictionary<(string, int), Guid> backtests) =>
        new(record.Name, record.Version, Description(record.Json), record.CreatedAt, record.CreatedBy, record.Comment,
            ShippedNames.Value.Contains(record.Name), backtests.TryGetValue((record.Name, record.Version), out var backtest) ? backtest : null);

    /// <summary>The newest succeeded backtest of each version of these presets.</summary>
    private static async Task<IReadOnlyDictionary<(string, int), Guid>> BacktestsOfAsync(TradingDbContext database, List<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var succeeded = await database.BacktestRuns.AsNoTracking()
            .Where(run => run.Status == BacktestRunStatus.Succeeded && names.Contains(run.PresetName))
            .Select(run => new { run.PresetName, run.PresetVersion, run.Id, run.FinishedAt })
            .ToListAsync(cancellationToken);
        return succeeded.GroupBy(run => (run.PresetName, run.PresetVersion))
            .ToDictionary(group => group.Key, group => group.MaxBy(run => run.FinishedAt)!.Id);
    }

    private static PresetDocument Document(PresetVersionRecord record)
    {
        using var document = JsonDocument.Parse(record.Json);
        return new PresetDocument(record.Name, record.Version, record.CreatedAt, record.CreatedBy, record.Comment, document.RootElement.Clone());
    }

    private static string? Description(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
               && document.RootElement.TryGetProperty("description", out var description)
               && description.ValueKind == JsonValueKind.String
            ? description.GetString()
            : null;
    }
}
