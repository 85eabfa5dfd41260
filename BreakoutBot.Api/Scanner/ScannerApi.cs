using System.Text.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Events;
using BreakoutBot.Api.Paging;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Trading;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Scanner;

/// <summary>
/// <c>/api/scanner</c>: the latest ranked snapshot as the Scanner published it under <c>scan:latest</c> (rank, score
/// components, filter values/thresholds/pass, levels per symbol), one symbol's row, the Scanner's status, the signal
/// history and the recorded scan summaries.
/// </summary>
public static class ScannerApi
{
    public static IEndpointRouteBuilder MapScannerApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/scanner").WithTags("Scanner").RequireReader();
        group.MapGet("/latest", Latest).WithName("GetLatestScan");
        group.MapGet("/status", Status).WithName("GetScannerStatus");
        group.MapGet("/symbols/{symbol}", Symbol).WithName("GetScannedSymbol");
        group.MapGet("/signals", Signals).WithName("ListSignals");
        group.MapGet("/summaries", Summaries).WithName("ListScanSummaries");
        return endpoints;
    }

    public static async Task<Results<Ok<ScanSnapshot>, ProblemHttpResult>> Latest(RedisSnapshots snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return await snapshots.ScanLatestAsync() is { } snapshot ? TypedResults.Ok(snapshot) : Problems.NoData("no scan has been published yet");
    }

    public static async Task<Results<Ok<ScannerStatus>, ProblemHttpResult>> Status(RedisSnapshots snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return await snapshots.ScannerStatusAsync() is { } status ? TypedResults.Ok(status) : Problems.NoData("the scanner has not reported its status yet");
    }

    public static async Task<Results<Ok<SymbolScan>, ProblemHttpResult, ValidationProblem>> Symbol(
        string symbol, RedisSnapshots snapshots, TradingDbContext database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        validation.Symbol(symbol);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        if (await snapshots.ScanLatestAsync() is not { } snapshot)
        {
            return Problems.NoData("no scan has been published yet");
        }

        if (snapshot.Symbols.FirstOrDefault(row => row.Symbol == symbol) is not { } candidate)
        {
            return Problems.NotFound($"{symbol} is not in the latest scan");
        }

        var recent = await database.Signals.AsNoTracking().Where(signal => signal.Symbol == symbol)
            .OrderByDescending(signal => signal.ReceivedAt).Take(20).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SymbolScan(snapshot.ScanId, snapshot.At, candidate, [.. recent.Select(ToView)]));
    }

    public static async Task<Results<Ok<Page<SignalView>>, ValidationProblem>> Signals(
        TradingDbContext database,
        string? symbol,
        string? strategy,
        string? outcome,
        string? side,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        validation.Symbol(symbol);
        validation.Word(strategy, nameof(strategy));
        var outcomeFilter = validation.Enum<SignalOutcome>(outcome, nameof(outcome));
        var direction = validation.Enum<PositionDirection>(side, nameof(side));
        var (start, end) = validation.Range(from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.Signals.AsNoTracking();
        query = symbol is null ? query : query.Where(signal => signal.Symbol == symbol);
        query = strategy is null ? query : query.Where(signal => signal.Strategy == strategy);
        query = outcomeFilter is not { } wantedOutcome ? query : query.Where(signal => signal.Outcome == wantedOutcome);
        query = direction is null ? query : query.Where(signal => signal.Side == direction);
        query = start is null ? query : query.Where(signal => signal.ReceivedAt >= start);
        query = end is null ? query : query.Where(signal => signal.ReceivedAt <= end);
        var (items, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(signal => signal.ReceivedAt).ThenBy(signal => signal.SignalId), number, size, cancellationToken);
        return TypedResults.Ok(new Page<SignalView>([.. items.Select(ToView)], number, size, total));
    }

    public static async Task<Results<Ok<Page<ScanSummaryView>>, ValidationProblem>> Summaries(
        TradingDbContext database, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var (start, end) = validation.Range(from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.ScanSummaries.AsNoTracking();
        query = start is null ? query : query.Where(scan => scan.At >= start);
        query = end is null ? query : query.Where(scan => scan.At <= end);
        var (rows, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(scan => scan.At), number, size, cancellationToken);
        return TypedResults.Ok(new Page<ScanSummaryView>(
            [.. rows.Select(row => new ScanSummaryView(
                row.Id, row.At, row.CandleOpenTime, row.PresetName, row.SymbolsTracked, row.SymbolsPassed, row.SignalsEmitted, row.EvaluationMilliseconds, Parse(row.TopCandidatesJson)))],
            number,
            size,
            total));
    }

    internal static SignalView ToView(SignalRecord signal) => new(
        signal.SignalId, signal.Symbol, signal.Side, signal.Strategy, signal.LevelPrice, signal.Entry, signal.Stop, signal.Confidence,
        signal.PresetName, signal.PresetVersion, signal.CandleOpenTime, signal.DetectedAt, signal.ReceivedAt, signal.Outcome.ToString(), signal.Reason, signal.PositionId);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
