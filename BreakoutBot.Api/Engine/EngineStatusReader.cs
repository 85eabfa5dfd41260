using System.Globalization;
using BreakoutBot.Api.Events;
using BreakoutBot.Api.Market;
using BreakoutBot.Contracts.Engine;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Data;
using BreakoutBot.Data.Presets;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Api.Engine;

/// <summary>Assembles <see cref="EngineStatus"/> from <c>engine:state</c> (or the persisted state row), risk state, positions and trades.</summary>
public sealed class EngineStatusReader(
    TradingDbContext database,
    PresetStore presets,
    RedisSnapshots snapshots,
    RedisStreamReader streams,
    IOptions<TradingOptions> trading,
    VenueMarketData venue,
    TimeProvider clock)
{
    /// <summary>Older than this, a component's last sign of life counts as stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    public async Task<EngineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (state, redisUp) = await ReadStateAsync(cancellationToken);
        var risk = await database.RiskStates.AsNoTracking().OrderByDescending(row => row.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var openPositions = await database.Positions.AsNoTracking().CountAsync(position => position.Status != PositionRecordStatus.Closed, cancellationToken);
        // "Today" is the venue's day, as the trades' close times are on its clock (the simulator's runs ahead of ours).
        await venue.MarkPricesAsync(cancellationToken);
        var venueNow = venue.VenueTime;
        var dayStart = new DateTimeOffset((venueNow ?? now).UtcDateTime.Date, TimeSpan.Zero);
        var today = await database.Trades.AsNoTracking().Where(trade => trade.ClosedAt >= dayStart)
            .Select(trade => new { trade.RealizedPnl, trade.RMultiple }).ToListAsync(cancellationToken);

        int? maxPositions = null;
        if (state.PresetName is { } presetName)
        {
            var (preset, _, _) = await presets.LoadAsync(presetName, state.PresetVersion, cancellationToken);
            maxPositions = preset?.Risk.MaxConcurrentPositions;
        }

        DateTimeOffset? lastEvent = null;
        ScannerStatus? scannerStatus = null;
        if (redisUp)
        {
            lastEvent = EntryTime(await streams.LastEntryIdAsync(StreamNames.TradingEvents));
            scannerStatus = await snapshots.ScannerStatusAsync();
        }

        var lastScan = scannerStatus?.LastEvaluatedAt
            ?? await database.ScanSummaries.AsNoTracking().OrderByDescending(scan => scan.At).Select(scan => (DateTimeOffset?)scan.At).FirstOrDefaultAsync(cancellationToken);
        var components = new List<ComponentStatus>
        {
            new("database", "ok", null, now),
            new("redis", redisUp ? "ok" : "down", redisUp ? null : "Redis did not answer", redisUp ? now : null),
            new("executor", state.FromExecutor ? Freshness(lastEvent ?? state.Since, now) : "missing",
                state.FromExecutor ? $"engine {state.State}" : "no engine state has been published yet", lastEvent ?? state.Since),
            new("scanner", scannerStatus is null && lastScan is null ? "missing" : Freshness(scannerStatus?.At ?? lastScan, now),
                scannerStatus is null ? null : $"{scannerStatus.State}: {scannerStatus.SymbolsTracked} symbols" + (scannerStatus.Detail is { } detail ? $" ({detail})" : ""),
                scannerStatus?.At ?? lastScan),
        };

        return new EngineStatus(
            state.State,
            state.Mode,
            state.PresetName,
            state.PresetVersion,
            state.Since,
            state.Reason,
            openPositions,
            maxPositions,
            maxPositions is { } max ? Math.Max(0, max - openPositions) : null,
            today.Sum(trade => trade.RealizedPnl),
            today.Sum(trade => trade.RMultiple),
            today.Count,
            risk?.ConsecutiveLosses ?? 0,
            new KillSwitchStatus(risk?.KillSwitchTripped ?? false, risk?.KillSwitchReason, risk?.KillSwitchTrippedAt),
            components,
            new DataLag(lastEvent, Age(lastEvent, now), lastScan, scannerStatus?.LagSeconds ?? Age(lastScan, now)),
            venueNow);
    }

    /// <summary>The time part of a stream entry id (milliseconds since the epoch).</summary>
    public static DateTimeOffset? EntryTime(string? entryId) =>
        entryId is not null && long.TryParse(entryId.Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static string Freshness(DateTimeOffset? at, DateTimeOffset now) => at is { } seen && now - seen <= StaleAfter ? "ok" : "stale";

    private static double? Age(DateTimeOffset? at, DateTimeOffset now) => at is { } seen ? Math.Max(0, (now - seen).TotalSeconds) : null;

    private async Task<(EngineView State, bool RedisUp)> ReadStateAsync(CancellationToken cancellationToken)
    {
        EngineStateChanged? published = null;
        var redisUp = true;
        try
        {
            published = await snapshots.EngineStateAsync();
        }
        catch (StackExchange.Redis.RedisException)
        {
            redisUp = false;
        }

        if (published is { } changed)
        {
            return (new EngineView(changed.State, changed.Mode, changed.PresetName, changed.PresetVersion, changed.Since, changed.Reason, true), redisUp);
        }

        var row = await database.EngineStates.AsNoTracking().OrderByDescending(state => state.Since).FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? (new EngineView("Unknown", TradingModeNames.ToName(trading.Value.ParsedMode), null, null, null, null, false), redisUp)
            : (new EngineView(row.State, row.Mode, row.PresetName, row.PresetVersion, row.Since, row.Reason, true), redisUp);
    }

    private sealed record EngineView(string State, string Mode, string? PresetName, int? PresetVersion, DateTimeOffset? Since, string? Reason, bool FromExecutor);
}
