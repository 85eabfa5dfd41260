using System.Data.Common;
using BreakoutBot.Data.Backtests;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Backtester.Runs;

/// <summary>
/// Keeps <c>backtest_data_sets</c> equal to the data sets in the data directory (<see cref="MarketDataSets.Find"/>),
/// looking every <see cref="BacktesterOptions.DataSetScanInterval"/> and writing only when the folder changed, so the
/// Api can refuse an unknown data set when a run is asked for and the console can offer the names. Runs beside the
/// queue worker, so a long backtest does not hold the list back.
/// </summary>
internal sealed class DataSetCatalogWorker(
    IServiceScopeFactory scopes, MarketDataSets dataSets, IOptions<BacktesterOptions> options, TimeProvider clock, ILogger<DataSetCatalogWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyDictionary<string, int>? published = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var found = dataSets.Find();
                if (published is null || !SameSets(published, found))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<BacktestDataSetCatalog>().ReplaceAsync(found, stoppingToken);
                    published = found;
                    Log.DataSetsListed(logger, options.Value.DataDirectory, found.Count, string.Join(", ", found.Keys));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException)
            {
                Log.DataSetsUnavailable(logger, exception.Message);
            }

            try
            {
                await Task.Delay(options.Value.DataSetScanInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static bool SameSets(IReadOnlyDictionary<string, int> left, IReadOnlyDictionary<string, int> right) =>
        left.Count == right.Count && left.All(entry => right.TryGetValue(entry.Key, out var symbols) && symbols == entry.Value);
}
