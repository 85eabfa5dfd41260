using System.Data.Common;
using BreakoutBot.Data.Backtests;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Backtester.Runs;

/// <summary>
/// Takes queued backtests one at a time (a backtest uses a whole core; run more backtester replicas for more at once),
/// and first gives the runs of workers that stopped back to the queue. When the database cannot be reached it says so
/// and tries again; nothing it does can take the service down.
/// </summary>
internal sealed class BacktestWorker(IServiceScopeFactory scopes, IOptions<BacktesterOptions> options, TimeProvider clock, ILogger<BacktestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ranOne = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var book = scope.ServiceProvider.GetRequiredService<BacktestRunBook>();
                var recovered = await book.RecoverAbandonedAsync(stoppingToken);
                if (recovered > 0)
                {
                    Log.RunsRecovered(logger, recovered);
                }

                if (await book.ClaimNextAsync(stoppingToken) is { } run)
                {
                    ranOne = true;
                    await scope.ServiceProvider.GetRequiredService<BacktestExecution>().RunAsync(run, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
            {
                Log.QueueUnavailable(logger, exception.Message);
            }

            if (!ranOne)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
