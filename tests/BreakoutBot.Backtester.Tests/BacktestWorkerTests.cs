using System.Runtime.CompilerServices;
using System.Text.Json;
using BreakoutBot.Backtesting.Data;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Domain.Backtesting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Backtester.Tests;

/// <summary>The backtester service: queued runs end succeeded with results that add up, or failed with a reason, and one bad run never stops the others.</summary>
public sealed class BacktestWorkerTests(LocalPostgresServer postgres)
{
    /// <summary>A small synthetic market on which the simulator's preset trades (seed 5, 4 symbols, 1,500 bars).</summary>
    private static readonly StartBacktestRequest Small = new(
        "sim_breakout", 1, new BacktestMarketChoice(BacktestMarketChoice.Synthetic, 5, 4, 1_500), 5_000m, Seed: 1, Interval: "5", SlippageBps: 2m);

    [Fact]
    public async Task SyntheticRun_Succeeds_ResultsAddUpAndMatchTheLibraryOverTheSameFiles()
    {
        await using var host = await BacktesterHost.StartAsync(postgres);
        var id = await host.EnqueueAsync(Small);

        var run = await host.WaitForFinalAsync(id);

        Assert.True(run.Status == BacktestRunStatus.Succeeded, $"{run.Status}: {run.Error}");
        Assert.Equal((4L * 1_500, 4L * 1_500, 1), (run.BarsRead, run.BarsTotal, run.Attempts));
        var figures = JsonSerializer.Deserialize<BacktestFigures>(run.FiguresJson!, ContractJson.Options)!;
        var trades = JsonSerializer.Deserialize<List<BacktestTradeRow>>(run.TradesJson!, ContractJson.Options)!;
        var equity = JsonSerializer.Deserialize<List<BacktestEquityPoint>>(run.EquityJson!, ContractJson.Options)!;
        Assert.True(trades.Count > 1, "the simulator's preset trades its own market");
        Assert.Equal(figures.Trades, trades.Count);
        Assert.Equal(figures.FinalEquity - figures.StartingBalance, trades.Sum(trade => trade.NetPnl));
        Assert.Equal(5_000m, figures.StartingBalance);
        Assert.InRange(equity.Count, 2, 1_000);
        Assert.Equal(figures.FinalEquity, equity[^1].Equity);
        Assert.Contains("<svg", run.ReportHtml!, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", run.ReportHtml!, StringComparison.OrdinalIgnoreCase);

        // The very library the CLI runs, over the very files the service generated, gives the very same trades.
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(host.DataDirectory, "synthetic")));
        var preset = PresetLoader.Load(ShippedPresets.All().Single(shipped => shipped.Name == "sim_breakout").Json, "sim_breakout").Preset!;
        var market = MarketFolder.Open(folder, null, CandleInterval.FiveMinutes, new StrongBox<long>());
        var direct = new BacktestRunner(new BacktestSettings { Preset = preset, StartingBalance = 5_000m, Seed = 1 }).Run(market.Series, TestContext.Current.CancellationToken);
        Assert.Equal(direct.FinalEquity, figures.FinalEquity);
        Assert.Equal(direct.Trades.Select(trade => (trade.Symbol.Value, trade.EntryTime, trade.NetPnl)), trades.Select(trade => (trade.Symbol, trade.EntryTime, trade.NetPnl)));
    }

    [Fact]
    public async Task UnknownDataSet_FailsNamingIt_AndTheNextRunStillSucceeds()
    {
        await using var host = await BacktesterHost.StartAsync(postgres);
        Directory.CreateDirectory(Path.Combine(host.DataDirectory, "recorded-paper"));
        var missing = await host.EnqueueAsync(Small with { Market = new BacktestMarketChoice(BacktestMarketChoice.DataSetSource, DataSet: "downloaded-2025") });
        var good = await host.EnqueueAsync(Small);

        var failed = await host.WaitForFinalAsync(missing);
        var succeeded = await host.WaitForFinalAsync(good);

        Assert.Equal(BacktestRunStatus.Failed, failed.Status);
        Assert.Contains("downloaded-2025", failed.Error, StringComparison.Ordinal);
        Assert.Contains("recorded-paper", failed.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(BacktestRunStatus.Succeeded, succeeded.Status);
    }

    [Fact]
    public async Task DataSetWithABadLine_FailsNamingTheFileAndLine()
    {
        await using var host = await BacktesterHost.StartAsync(postgres);
        var folder = Path.Combine(host.DataDirectory, "broken");
        SyntheticMarketFiles.Write(folder, 5, 2, 400, SyntheticMarketFiles.DefaultStart);
        var lines = File.ReadAllLines(Path.Combine(folder, "ETHUSDT.csv"));
        lines[3] = lines[3].Replace(',', ';');
        File.WriteAllLines(Path.Combine(folder, "ETHUSDT.csv"), lines);

        var run = await host.WaitForFinalAsync(await host.EnqueueAsync(Small with { Market = new BacktestMarketChoice(BacktestMarketChoice.DataSetSource, DataSet: "broken") }));

        Assert.Equal(BacktestRunStatus.Failed, run.Status);
        Assert.Contains("ETHUSDT.csv:4", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedStoredRequestAndMissingPresetVersion_FailWithReasons_TheWorkerGoesOn()
    {
        await using var host = await BacktesterHost.StartAsync(postgres);
        var malformed = await host.EnqueueAsync(Small, requestJson: """{"market": "not an object"}""");
        var noVersion = await host.EnqueueAsync(Small with { PresetVersion = 99 });
        var good = await host.EnqueueAsync(Small);

        Assert.Equal(BacktestRunStatus.Failed, (await host.WaitForFinalAsync(malformed)).Status);
        var missingVersion = await host.WaitForFinalAsync(noVersion);
        Assert.Equal(BacktestRunStatus.Failed, missingVersion.Status);
        Assert.Contains("version 99", missingVersion.Error, StringComparison.Ordinal);
        Assert.Equal(BacktestRunStatus.Succeeded, (await host.WaitForFinalAsync(good)).Status);
    }

    [Fact]
    public async Task CancelWhileRunning_StopsTheRunAndRecordsIt()
    {
        await using var host = await BacktesterHost.StartAsync(postgres);
        var id = await host.EnqueueAsync(Small with { Market = new BacktestMarketChoice(BacktestMarketChoice.Synthetic, 5, 8, 60_000) });
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await host.RunAsync(id)).BarsRead == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run never reported progress");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await using (var database = host.Database())
        {
            var asked = await new BreakoutBot.Data.Backtests.BacktestRunBook(database, TimeProvider.System).CancelAsync(id, "test", TestContext.Current.CancellationToken);
            Assert.Equal(BacktestRunStatus.Running, asked!.Status);
        }

        var run = await host.WaitForFinalAsync(id);
        Assert.Equal(BacktestRunStatus.Cancelled, run.Status);
        Assert.True(run.BarsRead < run.BarsTotal, $"stopped early: {run.BarsRead} of {run.BarsTotal}");
        Assert.Null(run.FiguresJson);
    }

    [Fact]
    public async Task WorkerShutDownWhileRunning_GivesTheRunBackToTheQueue_WithoutCountingTheClaim()
    {
        await using var host = await BacktesterHost.StartAsync(postgres);
        var id = await host.EnqueueAsync(Small with { Market = new BacktestMarketChoice(BacktestMarketChoice.Synthetic, 5, 8, 60_000) });
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await host.RunAsync(id)).BarsRead == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run never reported progress");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await host.StopWorkerAsync();

        var released = await host.RunAsync(id);
        Assert.Equal((BacktestRunStatus.Queued, 0), (released.Status, released.Attempts));
        Assert.Null(released.FinishedAt);
    }

    [Fact]
    public async Task RunsOfAStoppedWorker_AreRunAgain_OrFailAfterThreeClaims()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        var orphan = await host.EnqueueAsync(Small);
        var poison = await host.EnqueueAsync(Small);
        await using (var database = host.Database())
        {
            var stale = DateTimeOffset.UtcNow.AddMinutes(-10);
            await database.BacktestRuns.Where(run => run.Id == orphan).ExecuteUpdateAsync(set => set
                .SetProperty(run => run.Status, BacktestRunStatus.Running).SetProperty(run => run.HeartbeatAt, stale).SetProperty(run => run.Attempts, 1), TestContext.Current.CancellationToken);
            await database.BacktestRuns.Where(run => run.Id == poison).ExecuteUpdateAsync(set => set
                .SetProperty(run => run.Status, BacktestRunStatus.Running).SetProperty(run => run.HeartbeatAt, stale).SetProperty(run => run.Attempts, 3), TestContext.Current.CancellationToken);
        }

        await host.StartWorkerAsync();

        var rerun = await host.WaitForFinalAsync(orphan);
        Assert.Equal((BacktestRunStatus.Succeeded, 2), (rerun.Status, rerun.Attempts));
        var given = await host.WaitForFinalAsync(poison);
        Assert.Equal(BacktestRunStatus.Failed, given.Status);
        Assert.Contains("3 times", given.Error, StringComparison.Ordinal);
    }
}
