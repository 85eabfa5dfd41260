using System.Text.Json;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Data;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Data.Schema;
using BreakoutBot.Domain.Backtesting;
using BreakoutBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Backtester.Tests;

/// <summary>
/// The real backtester host on a loopback port against a database of its own (migrated and seeded as the db-migrator
/// does) and a data directory of its own; runs are queued the way the Api queues them.
/// </summary>
public sealed class BacktesterHost : IAsyncDisposable
{
    private WebApplication? _app;

    private BacktesterHost(string connectionString, string dataDirectory)
    {
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    /// <summary>A database migrated and seeded, and a data directory; the worker is not started yet.</summary>
    public static async Task<BacktesterHost> PrepareAsync(LocalPostgresServer postgres)
    {
        var host = new BacktesterHost(await postgres.CreateDatabaseAsync(), Directory.CreateTempSubdirectory("backtester-").FullName);
        await using var database = host.Database();
        await DatabaseSchema.MigrateAndSeedAsync(database, TimeProvider.System, TestContext.Current.CancellationToken);
        return host;
    }

    public static async Task<BacktesterHost> StartAsync(LocalPostgresServer postgres)
    {
        var host = await PrepareAsync(postgres);
        await host.StartWorkerAsync();
        return host;
    }

    public async Task StartWorkerAsync()
    {
        _app = BacktesterApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:{TradingDbContext.ConnectionName}={ConnectionString}",
            $"--Backtester:DataDirectory={DataDirectory}",
            "--Backtester:PollInterval=00:00:00.200",
            "--Backtester:ProgressInterval=00:00:00.200",
            "--Backtester:DataSetScanInterval=00:00:00.200",
        ]);
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Stops the worker the way an orchestrator does (a graceful shutdown).</summary>
    public async Task StopWorkerAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Whether the worker's host is up and not stopping (a background service that throws stops it).</summary>
    public bool IsRunning => _app is not null && !_app.Lifetime.ApplicationStopping.IsCancellationRequested;

    public TradingDbContext Database() =>
        new(new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Queues a run as the Api does (the request with its defaults filled in).</summary>
    public async Task<Guid> EnqueueAsync(StartBacktestRequest request, string? requestJson = null)
    {
        await using var database = Database();
        var id = Guid.CreateVersion7();
        await new BacktestRunBook(database, TimeProvider.System).EnqueueAsync(new BacktestRunRecord
        {
            Id = id,
            PresetName = request.Preset,
            PresetVersion = request.PresetVersion ?? 1,
            RequestJson = requestJson ?? JsonSerializer.Serialize(request, ContractJson.Options),
            Status = BacktestRunStatus.Queued,
            RequestedBy = "test",
        }, TestContext.Current.CancellationToken);
        return id;
    }

    public async Task<BacktestRunRecord> RunAsync(Guid id)
    {
        await using var database = Database();
        return await database.BacktestRuns.AsNoTracking().SingleAsync(run => run.Id == id, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the run is succeeded, failed or cancelled; fails the test with its last state when it takes too long.</summary>
    public async Task<BacktestRunRecord> WaitForFinalAsync(Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var run = await RunAsync(id);
            if (BacktestRunStatus.IsFinal(run.Status))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"backtest {id} is still {run.Status} ({run.BarsRead} of {run.BarsTotal} bars)");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopWorkerAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
