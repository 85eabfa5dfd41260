using System.Text.Json;
using BreakoutBot.Api.Commands;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Json;
using BreakoutBot.Api.Paging;
using BreakoutBot.Api.Presets;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Data;
using BreakoutBot.Data.Audit;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Backtesting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Backtests;

/// <summary>
/// <c>/api/backtests</c>: backtests of stored preset versions. <c>POST</c> (operator) queues a run and answers 202 at
/// once; the backtester service (not this process) runs it and records progress and results on the run, which
/// <c>GET</c> shows. A finished run's self-contained HTML report is at <c>/api/backtests/{id}/report</c>.
/// </summary>
public static class BacktestsApi
{
    /// <summary>The report is a document to look at, never to run: no script, no network, sandboxed.</summary>
    public const string ReportContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static IEndpointRouteBuilder MapBacktestsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/backtests").WithTags("Backtests");
        group.MapGet("/", List).WithName("ListBacktests").RequireReader();
        group.MapGet("/data-sets", DataSets).WithName("ListBacktestDataSets").RequireReader();
        group.MapGet("/{id:guid}", Get).WithName("GetBacktest").RequireReader();
        group.MapGet("/{id:guid}/report", Report).WithName("GetBacktestReport").RequireReader();
        group.MapPost("/", Start).WithName("StartBacktest").RequireOperator();
        group.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelBacktest").RequireOperator();
        return endpoints;
    }

    public static async Task<Results<Accepted<BacktestRunSummary>, ProblemHttpResult, ValidationProblem>> Start(
        StartBacktestRequest request, HttpContext context, PresetStore presets, BacktestRunBook book, BacktestDataSetCatalog dataSets, TradingDbContext database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(presets);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(dataSets);
        ArgumentNullException.ThrowIfNull(context);
        if (!PresetsNaming.IsValidName(request.Preset))
        {
            return Problems.Validation("$.preset", PresetsNaming.NameRule);
        }

        if (request.PresetVersion is < 1)
        {
            return Problems.Validation("$.presetVersion", "must be 1 or more");
        }

        var preset = await presets.FindAsync(request.Preset, request.PresetVersion, cancellationToken);
        if (preset is null)
        {
            return Problems.NotFound(request.PresetVersion is { } version
                ? $"preset '{request.Preset}' has no version {version}"
                : $"preset '{request.Preset}' does not exist");
        }

        var (resolved, errors) = BacktestRequestValidation.Resolve(request, preset.Version);
        if (resolved is null)
        {
            return Problems.Validation(errors, "The backtest request is not valid; each error is keyed by its JSONPath in the request.");
        }

        if (resolved.Market is { Source: BacktestMarketChoice.DataSetSource, DataSet: { } dataSetName }
            && await UnknownDataSetAsync(dataSets, dataSetName, cancellationToken) is { } unknown)
        {
            return Problems.Validation("$.market.dataSet", unknown);
        }

        var actor = context.CallerName();
        var run = new BacktestRunRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            PresetName = preset.Name,
            PresetVersion = preset.Version,
            RequestJson = JsonSerializer.Serialize(resolved, ContractJson.Options),
            Status = BacktestRunStatus.Queued,
            RequestedBy = actor,
        };
        await book.EnqueueAsync(run, cancellationToken);
        await AuditAsync(database, clock, actor, "backtest.start", $"queued {run.Id}", new { run.Id, preset.Name, preset.Version }, cancellationToken);
        return TypedResults.Accepted($"/api/backtests/{run.Id}", Summary(run));
    }

    /// <summary>The data sets the backtester holds (what <c>market.dataSet</c> may name), by name.</summary>
    public static async Task<Ok<List<BacktestDataSetView>>> DataSets(BacktestDataSetCatalog dataSets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSets);
        var listed = await dataSets.ListAsync(cancellationToken);
        return TypedResults.Ok(listed.Select(dataSet => new BacktestDataSetView(dataSet.Name, dataSet.Symbols, dataSet.ListedAt)).ToList());
    }

    /// <summary>Why <paramref name="name"/> cannot be backtested (not among the backtester's data sets), or null when it can.</summary>
    private static async Task<string?> UnknownDataSetAsync(BacktestDataSetCatalog dataSets, string name, CancellationToken cancellationToken)
    {
        var listed = await dataSets.ListAsync(cancellationToken);
        if (listed.Any(dataSet => dataSet.Name == name))
        {
            return null;
        }

        return listed.Count == 0
            ? $"no data set '{name}': the backtester reports none (put a folder of SYMBOL.csv kline files in its data directory)"
            : $"no data set '{name}'; the backtester has: {string.Join(", ", listed.Select(dataSet => dataSet.Name))}";
    }

    public static async Task<Results<Ok<Page<BacktestRunSummary>>, ValidationProblem>> List(
        TradingDbContext database, string? preset, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var (number, size) = validation.Paging(page, pageSize);
        if (preset is not null && !PresetsNaming.IsValidName(preset))
        {
            validation.Errors["preset"] = [PresetsNaming.NameRule];
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.BacktestRuns.AsNoTracking();
        query = preset is null ? query : query.Where(run => run.PresetName == preset);
        var (rows, total) = await query
            .Select(run => new BacktestRunRecord
            {
                Id = run.Id, PresetName = run.PresetName, PresetVersion = run.PresetVersion, RequestJson = "", Status = run.Status, RequestedBy = run.RequestedBy,
                RequestedAt = run.RequestedAt, StartedAt = run.StartedAt, FinishedAt = run.FinishedAt, BarsRead = run.BarsRead, BarsTotal = run.BarsTotal,
                Error = run.Error, FiguresJson = run.FiguresJson,
            })
            .ReadPageAsync(filtered => filtered.OrderByDescending(run => run.RequestedAt).ThenByDescending(run => run.Id), number, size, cancellationToken);
        return TypedResults.Ok(new Page<BacktestRunSummary>([.. rows.Select(Summary)], number, size, total));
    }

    public static async Task<Results<Ok<BacktestRunDetails>, ProblemHttpResult>> Get(Guid id, TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var run = await database.BacktestRuns.AsNoTracking()
            .Where(run => run.Id == id)
            .Select(run => new BacktestRunRecord
            {
                Id = run.Id, PresetName = run.PresetName, PresetVersion = run.PresetVersion, RequestJson = run.RequestJson, Status = run.Status, RequestedBy = run.RequestedBy,
                RequestedAt = run.RequestedAt, StartedAt = run.StartedAt, FinishedAt = run.FinishedAt, BarsRead = run.BarsRead, BarsTotal = run.BarsTotal,
                Error = run.Error, FiguresJson = run.FiguresJson, EquityJson = run.EquityJson, TradesJson = run.TradesJson, TradesTruncated = run.TradesTruncated,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Problems.NotFound($"no backtest {id}");
        }

        return TypedResults.Ok(new BacktestRunDetails(
            Summary(run),
            JsonSerializer.Deserialize<StartBacktestRequest>(run.RequestJson, ContractJson.Options)!,
            run.EquityJson is null ? [] : JsonSerializer.Deserialize<List<BacktestEquityPoint>>(run.EquityJson, ContractJson.Options)!,
            run.TradesJson is null ? [] : JsonSerializer.Deserialize<List<BacktestTradeRow>>(run.TradesJson, ContractJson.Options)!,
            run.TradesTruncated));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Report(Guid id, HttpContext context, TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        var found = await database.BacktestRuns.AsNoTracking().Where(run => run.Id == id)
            .Select(run => new { run.Status, run.ReportHtml }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"no backtest {id}");
        }

        if (found.ReportHtml is null)
        {
            return Problems.NoData($"backtest {id} is {found.Status}: a report exists once it succeeded");
        }

        context.Response.Headers.ContentSecurityPolicy = ReportContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(found.ReportHtml, "text/html; charset=utf-8");
    }

    public static async Task<Results<Ok<BacktestRunSummary>, ProblemHttpResult>> Cancel(
        Guid id, HttpContext context, BacktestRunBook book, TradingDbContext database, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(book);
        var actor = context.CallerName();
        var before = await database.BacktestRuns.AsNoTracking().Where(run => run.Id == id).Select(run => run.Status).SingleOrDefaultAsync(cancellationToken);
        if (before is null)
        {
            return Problems.NotFound($"no backtest {id}");
        }

        if (BacktestRunStatus.IsFinal(before))
        {
            return Problems.Conflict($"backtest {id} is {before} already; only a queued or running backtest can be cancelled");
        }

        var run = await book.CancelAsync(id, actor, cancellationToken);
        await AuditAsync(database, clock, actor, "backtest.cancel", run!.Status == BacktestRunStatus.Cancelled ? "cancelled" : "cancel requested", new { run.Id }, cancellationToken);
        return TypedResults.Ok(Summary(run));
    }

    private static async Task AuditAsync(TradingDbContext database, TimeProvider clock, string actor, string action, string outcome, object details, CancellationToken cancellationToken)
    {
        database.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = clock.GetUtcNow(),
            Source = EngineCommandSender.AuditSource,
            Actor = actor,
            Action = action,
            Outcome = outcome,
            DetailsJson = JsonSerializer.Serialize(details, ApiJson.Options),
        });
        await database.SaveChangesAsync(cancellationToken);
    }

    private static BacktestRunSummary Summary(BacktestRunRecord run) => new(
        run.Id, run.PresetName, run.PresetVersion, run.Status, run.RequestedBy, run.RequestedAt, run.StartedAt, run.FinishedAt,
        run.Status == BacktestRunStatus.Succeeded ? 1d : run.BarsTotal > 0 ? Math.Min(1d, run.BarsRead / (double)run.BarsTotal) : 0d,
        run.Error,
        run.FiguresJson is null ? null : JsonSerializer.Deserialize<BacktestFigures>(run.FiguresJson, ContractJson.Options));
}
