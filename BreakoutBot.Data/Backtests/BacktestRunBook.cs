using BreakoutBot.Domain.Backtesting;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Data.Backtests;

/// <summary>
/// The backtest runs as a work queue in PostgreSQL: the Api enqueues, any number of backtester workers claim one run
/// at a time (<c>FOR UPDATE SKIP LOCKED</c>: two workers never take the same run), report progress as a heartbeat, and
/// finish it. A run whose worker stopped (no heartbeat for <see cref="StaleAfter"/>) goes back to the queue, and fails
/// after <see cref="MaxAttempts"/> claims, so a run that crashes its worker cannot crash every worker forever.
/// </summary>
public sealed class BacktestRunBook(TradingDbContext database, TimeProvider clock)
{
    /// <summary>How long a running run may go without a heartbeat before it counts as abandoned.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>Claims before a run that keeps stopping its worker fails.</summary>
    public const int MaxAttempts = 3;

    public async Task EnqueueAsync(BacktestRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Status = BacktestRunStatus.Queued;
        run.RequestedAt = clock.GetUtcNow();
        database.BacktestRuns.Add(run);
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The oldest queued run, now running and claimed by the caller; null when none is queued.</summary>
    public async Task<BacktestRunRecord?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await database.Database.SqlQuery<Guid>($"""
            UPDATE backtest_runs
               SET status = {BacktestRunStatus.Running}, started_at = COALESCE(started_at, {now}), heartbeat_at = {now}, attempts = attempts + 1
             WHERE id = (SELECT id FROM backtest_runs WHERE status = {BacktestRunStatus.Queued}
                          ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : await database.BacktestRuns.AsNoTracking().SingleAsync(run => run.Id == claimed[0], cancellationToken);
    }

    /// <summary>
    /// Runs whose worker stopped: back to the queue, or failed once they were claimed <see cref="MaxAttempts"/> times
    /// (or when a cancel was asked for meanwhile: cancelled). Returns how many it changed.
    /// </summary>
    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - StaleAfter;
        var stale = database.BacktestRuns.Where(run => run.Status == BacktestRunStatus.Running && run.HeartbeatAt < before);
        var cancelled = await stale.Where(run => run.CancelRequested).ExecuteUpdateAsync(set => set
            .SetProperty(run => run.Status, BacktestRunStatus.Cancelled)
            .SetProperty(run => run.FinishedAt, now)
            .SetProperty(run => run.Error, "cancelled while its worker was stopped"), cancellationToken);
        var failed = await stale.Where(run => run.Attempts >= MaxAttempts).ExecuteUpdateAsync(set => set
            .SetProperty(run => run.Status, BacktestRunStatus.Failed)
            .SetProperty(run => run.FinishedAt, now)
            .SetProperty(run => run.Error, $"its worker stopped while running it {MaxAttempts} times; not tried again"), cancellationToken);
        var requeued = await stale.ExecuteUpdateAsync(set => set.SetProperty(run => run.Status, BacktestRunStatus.Queued), cancellationToken);
        return cancelled + failed + requeued;
    }

    /// <summary>Records progress and the heartbeat of a run the caller holds; false when it is to stop (cancelled, or no longer the caller's).</summary>
    public async Task<bool> ReportProgressAsync(Guid id, long barsRead, long barsTotal, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = await database.BacktestRuns
            .Where(run => run.Id == id && run.Status == BacktestRunStatus.Running && !run.CancelRequested)
            .ExecuteUpdateAsync(set => set
                .SetProperty(run => run.BarsRead, barsRead)
                .SetProperty(run => run.BarsTotal, barsTotal)
                .SetProperty(run => run.HeartbeatAt, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>Stores the results of a run the caller holds and marks it succeeded.</summary>
    public Task<bool> SucceedAsync(Guid id, BacktestRunResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var now = clock.GetUtcNow();
        return FinishAsync(id, set => set
            .SetProperty(run => run.Status, BacktestRunStatus.Succeeded)
            .SetProperty(run => run.FinishedAt, now)
            .SetProperty(run => run.BarsRead, results.BarsRead)
            .SetProperty(run => run.BarsTotal, results.BarsRead)
            .SetProperty(run => run.FiguresJson, results.FiguresJson)
            .SetProperty(run => run.EquityJson, results.EquityJson)
            .SetProperty(run => run.TradesJson, results.TradesJson)
            .SetProperty(run => run.TradesTruncated, results.TradesTruncated)
            .SetProperty(run => run.ReportHtml, results.ReportHtml), cancellationToken);
    }

    /// <summary>Ends a run the caller holds as failed (or cancelled, when a cancel was asked for) with a reason a person can read.</summary>
    public Task<bool> FailAsync(Guid id, string status, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (status is not (BacktestRunStatus.Failed or BacktestRunStatus.Cancelled))
        {
            throw new ArgumentException($"a run ends as {BacktestRunStatus.Failed} or {BacktestRunStatus.Cancelled}, not {status}", nameof(status));
        }

        var now = clock.GetUtcNow();
        var text = reason.Length > 2000 ? reason[..1997] + "..." : reason;
        return FinishAsync(id, set => set
            .SetProperty(run => run.Status, status)
            .SetProperty(run => run.FinishedAt, now)
            .SetProperty(run => run.Error, text), cancellationToken);
    }

    /// <summary>Gives a run the caller holds back to the queue (its worker is shutting down), not counting the claim.</summary>
    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken) =>
        await database.BacktestRuns.Where(run => run.Id == id && run.Status == BacktestRunStatus.Running).ExecuteUpdateAsync(set => set
            .SetProperty(run => run.Status, BacktestRunStatus.Queued)
            .SetProperty(run => run.Attempts, run => run.Attempts - 1), cancellationToken);

    /// <summary>
    /// Asks a run to stop: a queued one is cancelled at once, a running one at its worker's next progress report.
    /// Returns the run as it is now, or null when it does not exist.
    /// </summary>
    public async Task<BacktestRunRecord?> CancelAsync(Guid id, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await database.BacktestRuns.Where(run => run.Id == id && run.Status == BacktestRunStatus.Queued).ExecuteUpdateAsync(set => set
            .SetProperty(run => run.Status, BacktestRunStatus.Cancelled)
            .SetProperty(run => run.FinishedAt, now)
            .SetProperty(run => run.Error, $"cancelled by {by} before it started"), cancellationToken);
        await database.BacktestRuns.Where(run => run.Id == id && run.Status == BacktestRunStatus.Running).ExecuteUpdateAsync(set => set
            .SetProperty(run => run.CancelRequested, true), cancellationToken);
        return await database.BacktestRuns.AsNoTracking().SingleOrDefaultAsync(run => run.Id == id, cancellationToken);
    }

    private async Task<bool> FinishAsync(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<BacktestRunRecord>> set, CancellationToken cancellationToken) =>
        await database.BacktestRuns.Where(run => run.Id == id && run.Status == BacktestRunStatus.Running).ExecuteUpdateAsync(set, cancellationToken) == 1;
}
