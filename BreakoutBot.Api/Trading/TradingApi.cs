using System.Text;
using BreakoutBot.Api.Commands;
using BreakoutBot.Api.Errors;
using BreakoutBot.Api.Market;
using BreakoutBot.Api.Paging;
using BreakoutBot.Api.Security;
using BreakoutBot.Contracts.Commands;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Trading;

/// <summary><c>/api/trading</c>: positions (valued at the venue's mark price), position actions, orders, fills, trades and their CSV export.</summary>
public static class TradingApi
{
    /// <summary>The CSV export's row limit; narrow the time range for more.</summary>
    public const int MaxCsvRows = 100_000;

    public static IEndpointRouteBuilder MapTradingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/trading").WithTags("Trading");
        group.MapGet("/positions", Positions).WithName("ListPositions").RequireReader();
        group.MapGet("/positions/{positionId}", Position).WithName("GetPosition").RequireReader();
        group.MapPost("/positions/{positionId}/close", ClosePosition).WithName("ClosePosition").RequireOperator();
        group.MapPost("/positions/{positionId}/breakeven", MoveStopToBreakeven).WithName("MoveStopToBreakeven").RequireOperator();
        group.MapGet("/orders", Orders).WithName("ListOrders").RequireReader();
        group.MapGet("/fills", Fills).WithName("ListFills").RequireReader();
        group.MapGet("/trades", Trades).WithName("ListTrades").RequireReader();
        group.MapGet("/protection", ProtectionReport.Protection).WithName("GetProtection").RequireReader();
        group.MapGet("/drift", DriftReport.Drift).WithName("ListDrift").RequireReader();
        group.MapGet("/trades.csv", TradesCsv).WithName("ExportTradesCsv").RequireReader().Produces<string>(StatusCodes.Status200OK, "text/csv");
        return endpoints;
    }

    /// <param name="status"><c>open</c> (default: everything not closed), <c>closed</c> or <c>all</c>.</param>
    public static async Task<Results<Ok<IReadOnlyList<PositionView>>, ValidationProblem>> Positions(
        TradingDbContext database, VenueMarketData venue, TimeProvider clock, string? status, string? symbol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(venue);
        var validation = new QueryValidation();
        validation.Symbol(symbol);
        if (status is not (null or "open" or "closed" or "all"))
        {
            validation.Add(nameof(status), "must be open, closed or all");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.Positions.AsNoTracking();
        query = status switch
        {
            "closed" => query.Where(position => position.Status == PositionRecordStatus.Closed),
            "all" => query,
            _ => query.Where(position => position.Status != PositionRecordStatus.Closed),
        };
        query = symbol is null ? query : query.Where(position => position.Symbol == symbol);
        var rows = await query.OrderByDescending(position => position.OpenedAt).Take(1_000).ToListAsync(cancellationToken);
        var marks = rows.Any(row => row.Status != PositionRecordStatus.Closed)
            ? await venue.MarkPricesAsync(cancellationToken)
            : new Dictionary<string, decimal>();
        var details = await PositionDetails.LoadAsync(database, rows, cancellationToken);
        var venueNow = venue.VenueTime ?? clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<PositionView>>([.. rows.Select(row => details.Complete(ToView(row, marks, clock.GetUtcNow(), venueNow), row))]);
    }

    public static async Task<Results<Ok<PositionView>, ProblemHttpResult, ValidationProblem>> Position(
        string positionId, TradingDbContext database, VenueMarketData venue, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(venue);
        if (CheckId(positionId) is { } invalid)
        {
            return invalid;
        }

        var row = await database.Positions.AsNoTracking().SingleOrDefaultAsync(position => position.PositionId == positionId, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"position '{positionId}' does not exist");
        }

        var marks = row.Status == PositionRecordStatus.Closed ? new Dictionary<string, decimal>() : await venue.MarkPricesAsync(cancellationToken);
        var details = await PositionDetails.LoadAsync(database, [row], cancellationToken);
        return TypedResults.Ok(details.Complete(ToView(row, marks, clock.GetUtcNow(), venue.VenueTime ?? clock.GetUtcNow()), row));
    }

    public static async Task<Results<Accepted<CommandResult>, ProblemHttpResult, ValidationProblem>> ClosePosition(
        string positionId, ClosePositionRequest request, HttpContext context, TradingDbContext database, EngineCommandSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Percent is <= 0 or > 100)
        {
            return Problems.Validation("$.percent", "must be more than 0 and at most 100");
        }

        return await PositionCommandAsync(
            positionId, EngineCommandKind.ClosePosition, command => command with { Percent = request.Percent }, context, database, sender, cancellationToken);
    }

    public static Task<Results<Accepted<CommandResult>, ProblemHttpResult, ValidationProblem>> MoveStopToBreakeven(
        string positionId, HttpContext context, TradingDbContext database, EngineCommandSender sender, CancellationToken cancellationToken) =>
        PositionCommandAsync(positionId, EngineCommandKind.MoveStopToBreakeven, null, context, database, sender, cancellationToken);

    public static async Task<Results<Ok<Page<OrderView>>, ValidationProblem>> Orders(
        TradingDbContext database,
        string? symbol,
        string? status,
        string? purpose,
        string? positionId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        validation.Symbol(symbol);
        var statusFilter = validation.Enum<OrderRecordStatus>(status, nameof(status));
        var purposeFilter = validation.Enum<OrderPurpose>(purpose, nameof(purpose));
        validation.Word(positionId, nameof(positionId));
        var (start, end) = validation.Range(from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.Orders.AsNoTracking();
        query = symbol is null ? query : query.Where(order => order.Symbol == symbol);
        query = statusFilter is not { } wantedStatus ? query : query.Where(order => order.Status == wantedStatus);
        query = purposeFilter is not { } wantedPurpose ? query : query.Where(order => order.Purpose == wantedPurpose);
        query = positionId is null ? query : query.Where(order => order.PositionId == positionId);
        // from/to are on the venue's clock, like every time the console shows; an order the venue never showed counts at its record time.
        query = start is null ? query : query.Where(order => (order.PlacedAt ?? order.CreatedAt) >= start);
        query = end is null ? query : query.Where(order => (order.PlacedAt ?? order.CreatedAt) <= end);
        var (rows, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(order => order.CreatedAt).ThenBy(order => order.OrderId), number, size, cancellationToken);
        return TypedResults.Ok(new Page<OrderView>([.. rows.Select(ToView)], number, size, total));
    }

    public static async Task<Results<Ok<Page<FillView>>, ValidationProblem>> Fills(
        TradingDbContext database,
        string? symbol,
        string? orderId,
        string? positionId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        validation.Symbol(symbol);
        validation.Word(orderId, nameof(orderId));
        validation.Word(positionId, nameof(positionId));
        var (start, end) = validation.Range(from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var query = database.Fills.AsNoTracking();
        query = symbol is null ? query : query.Where(fill => fill.Symbol == symbol);
        query = orderId is null ? query : query.Where(fill => fill.OrderId == orderId);
        query = positionId is null ? query : query.Where(fill => fill.PositionId == positionId);
        query = start is null ? query : query.Where(fill => fill.ExecutedAt >= start);
        query = end is null ? query : query.Where(fill => fill.ExecutedAt <= end);
        var (rows, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(fill => fill.ExecutedAt).ThenBy(fill => fill.ExecutionId), number, size, cancellationToken);
        return TypedResults.Ok(new Page<FillView>(
            [.. rows.Select(fill => new FillView(fill.ExecutionId, fill.OrderId, fill.PositionId, fill.Symbol, fill.Side, fill.Price, fill.Quantity, fill.Fee, fill.Liquidity, fill.ExecutedAt))],
            number,
            size,
            total));
    }

    public static async Task<Results<Ok<Page<TradeView>>, ValidationProblem>> Trades(
        TradingDbContext database,
        string? symbol,
        string? strategy,
        string? direction,
        string? exitReason,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var query = FilterTrades(database, validation, symbol, strategy, direction, exitReason, from, to);
        var (number, size) = validation.Paging(page, pageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var (rows, total) = await query.ReadPageAsync(filtered => filtered.OrderByDescending(trade => trade.ClosedAt).ThenBy(trade => trade.TradeId), number, size, cancellationToken);
        var positionIds = rows.Select(trade => trade.PositionId).ToList();
        var exposure = await database.Positions.AsNoTracking().Where(position => positionIds.Contains(position.PositionId))
            .ToDictionaryAsync(position => position.PositionId, position => position.UnprotectedSeconds, cancellationToken);
        return TypedResults.Ok(new Page<TradeView>([.. rows.Select(trade => ToView(trade) with { UnprotectedSeconds = exposure.GetValueOrDefault(trade.PositionId) })], number, size, total));
    }

    /// <summary>Every matching trade (oldest first, up to <see cref="MaxCsvRows"/>) as CSV with invariant numbers and ISO-8601 UTC times.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> TradesCsv(
        TradingDbContext database,
        string? symbol,
        string? strategy,
        string? direction,
        string? exitReason,
        DateTimeOffset? from,
        DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var validation = new QueryValidation();
        var query = FilterTrades(database, validation, symbol, strategy, direction, exitReason, from, to);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var rows = await query.OrderBy(trade => trade.ClosedAt).ThenBy(trade => trade.TradeId).Take(MaxCsvRows).ToListAsync(cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(TradeCsv.Write(rows)), "text/csv; charset=utf-8", "trades.csv");
    }

    private static IQueryable<TradeRecord> FilterTrades(
        TradingDbContext database, QueryValidation validation, string? symbol, string? strategy, string? directionName, string? exitReason, DateTimeOffset? from, DateTimeOffset? to)
    {
        var direction = validation.Enum<PositionDirection>(directionName, "direction");
        validation.Symbol(symbol);
        validation.Word(strategy, nameof(strategy));
        validation.Word(exitReason, nameof(exitReason));
        var (start, end) = validation.Range(from, to);
        var query = database.Trades.AsNoTracking();
        query = symbol is null ? query : query.Where(trade => trade.Symbol == symbol);
        query = strategy is null ? query : query.Where(trade => trade.Strategy == strategy);
        query = direction is null ? query : query.Where(trade => trade.Direction == direction);
        query = exitReason is null ? query : query.Where(trade => trade.ExitReason == exitReason);
        query = start is null ? query : query.Where(trade => trade.ClosedAt >= start);
        query = end is null ? query : query.Where(trade => trade.ClosedAt <= end);
        return query;
    }

    private static async Task<Results<Accepted<CommandResult>, ProblemHttpResult, ValidationProblem>> PositionCommandAsync(
        string positionId,
        EngineCommandKind kind,
        Func<EngineCommand, EngineCommand>? configure,
        HttpContext context,
        TradingDbContext database,
        EngineCommandSender sender,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sender);
        if (CheckId(positionId) is { } invalid)
        {
            return invalid;
        }

        var status = await database.Positions.AsNoTracking().Where(position => position.PositionId == positionId)
            .Select(position => (PositionRecordStatus?)position.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return Problems.NotFound($"position '{positionId}' does not exist");
        }

        if (status == PositionRecordStatus.Closed)
        {
            return Problems.Conflict($"position '{positionId}' is already closed");
        }

        var result = await sender.SendAsync(
            kind, context, command => (configure?.Invoke(command) ?? command) with { PositionId = positionId }, cancellationToken);
        return result.Result switch
        {
            Accepted<CommandResult> accepted => accepted,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unexpected command result"),
        };
    }

    private static ValidationProblem? CheckId(string positionId)
    {
        var validation = new QueryValidation();
        validation.Word(positionId, nameof(positionId));
        return validation.IsValid ? null : Problems.Validation(validation.Errors);
    }

    /// <param name="now">Our clock: the executor measures exposure on it.</param>
    /// <param name="venueNow">The venue's clock: fills, and so positions' open and close times, are on it.</param>
    internal static PositionView ToView(PositionRecord row, IReadOnlyDictionary<string, decimal> marks, DateTimeOffset now, DateTimeOffset venueNow)
    {
        var initialRisk = Math.Abs(row.EntryPrice - row.InitialStop) * row.OriginalQuantity;
        decimal? mark = row.Status != PositionRecordStatus.Closed && marks.TryGetValue(row.Symbol, out var price) ? price : null;
        decimal? unrealized = mark is { } m ? row.UnrealisedPnlAt(m) : null;
        decimal? unrealizedR = unrealized is { } pnl && initialRisk > 0 ? pnl / initialRisk : null;
        return new PositionView(
            row.PositionId, row.SignalId, row.Symbol, row.Direction, row.Status.ToString(), row.Origin.ToString(), row.EntryPrice, row.InitialStop, row.Stop, row.StopKind.ToString(),
            row.OriginalQuantity, row.OpenQuantity, mark, unrealized, unrealizedR, initialRisk, row.RealizedPnl, row.Fees, row.Targets,
            row.BarsHeld, row.OpenedAt, row.ClosedAt, row.ExitReason, row.Status == PositionRecordStatus.Closed ? null : row.UnprotectedSince, ProtectionReport.UnprotectedSeconds(row, now),
            AgeSeconds: (decimal)Math.Max(0, ((row.ClosedAt ?? venueNow) - row.OpenedAt).TotalSeconds));
    }

    internal static OrderView ToView(OrderRecord order) => new(
        order.OrderId, order.VenueOrderId, order.PositionId, order.SignalId, order.Symbol, order.Side, order.Purpose.ToString(), order.OrderType.ToString(), order.Price,
        order.TriggerPrice, order.Quantity, order.FilledQuantity, order.AveragePrice, order.ReduceOnly, order.Status.ToString(), order.RejectReason, order.CreatedAt, order.UpdatedAt, order.PlacedAt);

    internal static TradeView ToView(TradeRecord trade) => new(
        trade.TradeId, trade.PositionId, trade.SignalId, trade.Symbol, trade.Direction, trade.Strategy, trade.EntryPrice, trade.ExitPrice, trade.Quantity,
        trade.RealizedPnl, trade.Fees, trade.RMultiple, trade.InitialRisk, trade.ExitReason, trade.OpenedAt, trade.ClosedAt);
}
