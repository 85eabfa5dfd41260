using BreakoutBot.Data.Backtests;
using BreakoutBot.Domain.Backtesting;
using BreakoutBot.Testing;

namespace BreakoutBot.Backtester.Tests;

/// <summary>The run queue in PostgreSQL: claims are exclusive, and only the holder of a running run can finish it.</summary>
public sealed class BacktestRunBookTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task ManyWorkersClaimingAtOnce_EachQueuedRunIsTakenExactlyOnce()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        var queued = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            queued.Add(await host.EnqueueAsync(new("sim_breakout", 1)));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var database = host.Database();
            return await new BacktestRunBook(database, TimeProvider.System).ClaimNextAsync(TestContext.Current.CancellationToken);
        }));

        var taken = claims.Where(claim => claim is not null).Select(claim => claim!.Id).ToList();
        Assert.Equal(queued.Order(), taken.Order());
        Assert.All(claims.Where(claim => claim is not null), claim => Assert.Equal((BacktestRunStatus.Running, 1), (claim!.Status, claim.Attempts)));
    }

    [Fact]
    public async Task FinishedRun_CannotBeFinishedAgainOrCancelled()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        var id = await host.EnqueueAsync(new("sim_breakout", 1));
        await using var database = host.Database();
        var book = new BacktestRunBook(database, TimeProvider.System);
        Assert.Equal(id, (await book.ClaimNextAsync(TestContext.Current.CancellationToken))!.Id);

        Assert.True(await book.FailAsync(id, BacktestRunStatus.Failed, "first", TestContext.Current.CancellationToken));
        Assert.False(await book.FailAsync(id, BacktestRunStatus.Cancelled, "second", TestContext.Current.CancellationToken));
        Assert.False(await book.ReportProgressAsync(id, 10, 20, TestContext.Current.CancellationToken));
        var after = await book.CancelAsync(id, "test", TestContext.Current.CancellationToken);
        Assert.Equal((BacktestRunStatus.Failed, "first", false), (after!.Status, after.Error, after.CancelRequested));
        await Assert.ThrowsAsync<ArgumentException>(() => book.FailAsync(id, BacktestRunStatus.Succeeded, "no", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task QueuedRunCancelled_IsNeverClaimed()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        var id = await host.EnqueueAsync(new("sim_breakout", 1));
        await using var database = host.Database();
        var book = new BacktestRunBook(database, TimeProvider.System);

        var cancelled = await book.CancelAsync(id, "someone", TestContext.Current.CancellationToken);

        Assert.Equal(BacktestRunStatus.Cancelled, cancelled!.Status);
        Assert.Contains("someone", cancelled.Error, StringComparison.Ordinal);
        Assert.Null(await book.ClaimNextAsync(TestContext.Current.CancellationToken));
    }
}
