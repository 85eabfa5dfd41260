using BreakoutBot.Data.Backtests;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Backtester.Tests;

/// <summary>The backtester keeps the catalog of its data sets (what the Api accepts and the console offers) equal to its data directory.</summary>
public sealed class DataSetCatalogTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task DataDirectory_FoldersOfKlineFiles_AreListed_AddedAndRemovedAsTheFolderChanges()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        Folder(host, "recorded-paper", "BTCUSDT.csv", "ETHUSDT.csv", "BTCUSDT.trades.csv");
        Folder(host, "empty-folder", "notes.txt");
        Folder(host, "synthetic", "BTCUSDT.csv");
        Folder(host, "bad name", "BTCUSDT.csv");
        await host.StartWorkerAsync();

        // Kline files only (a trade tape is not a symbol); no folder without one, the generated markets' folder or a bad name.
        await UntilListedAsync(host, [("recorded-paper", 2)]);

        Folder(host, "downloaded-2025", "SOLUSDT.csv");
        await UntilListedAsync(host, [("downloaded-2025", 1), ("recorded-paper", 2)]);

        Directory.Delete(Path.Combine(host.DataDirectory, "recorded-paper"), recursive: true);
        await UntilListedAsync(host, [("downloaded-2025", 1)]);
    }

    [Fact]
    public async Task DataDirectory_MissingAtStart_ListsNothing_ThenWhatAppearsInIt()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        await using (var database = host.Database())
        {
            // A list left by an earlier backtester whose folder is gone now.
            await new BacktestDataSetCatalog(database, TimeProvider.System).ReplaceAsync(new Dictionary<string, int> { ["left-behind"] = 3 }, TestContext.Current.CancellationToken);
        }

        Directory.Delete(host.DataDirectory, recursive: true);
        await host.StartWorkerAsync();
        await UntilListedAsync(host, []);

        Folder(host, "recorded-paper", "BTCUSDT.csv");
        await UntilListedAsync(host, [("recorded-paper", 1)]);
    }

    [Fact]
    public async Task DatabaseLost_TheWorkerKeepsGoing_AndListsWhatChangedMeanwhileOnceItIsBack()
    {
        await using var host = await BacktesterHost.PrepareAsync(postgres);
        Folder(host, "recorded-paper", "BTCUSDT.csv");
        await host.StartWorkerAsync();
        await UntilListedAsync(host, [("recorded-paper", 1)]);

        // The catalog's table gone and every connection of the worker's database cut: each scan meanwhile fails.
        await using (var database = host.Database())
        {
            await database.Database.ExecuteSqlRawAsync("ALTER TABLE backtest_data_sets RENAME TO backtest_data_sets_away", TestContext.Current.CancellationToken);
            await database.Database.ExecuteSqlRawAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", TestContext.Current.CancellationToken);
        }

        Folder(host, "downloaded-2025", "SOLUSDT.csv", "ETHUSDT.csv");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.True(host.IsRunning, "the backtester stopped when its database went away");
        await using (var database = host.Database())
        {
            var meanwhile = await database.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM backtest_data_sets_away ORDER BY name").ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["recorded-paper"], meanwhile);
            await database.Database.ExecuteSqlRawAsync("ALTER TABLE backtest_data_sets_away RENAME TO backtest_data_sets", TestContext.Current.CancellationToken);
        }

        await UntilListedAsync(host, [("downloaded-2025", 2), ("recorded-paper", 1)]);
        Assert.True(host.IsRunning);
    }

    private static void Folder(BacktesterHost host, string name, params string[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(host.DataDirectory, name)).FullName;
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file), "timestamp,open,high,low,close,volume,turnover\n");
        }
    }

    private static async Task UntilListedAsync(BacktesterHost host, (string Name, int Symbols)[] expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var database = host.Database();
            var listed = (await new BacktestDataSetCatalog(database, TimeProvider.System).ListAsync(TestContext.Current.CancellationToken))
                .Select(dataSet => (dataSet.Name, dataSet.Symbols)).ToList();
            if (listed.SequenceEqual(expected))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"listed {string.Join(", ", listed)}, expected {string.Join(", ", expected)}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
