using System.Runtime.CompilerServices;
using System.Text.Json;
using BreakoutBot.Backtesting.Data;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Backtesting.Reports;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.Backtesting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Backtester.Runs;

/// <summary>
/// Runs one claimed backtest to its end: the stored preset version over the requested market, with the backtesting
/// library the CLI uses (so a run here and <c>breakoutbot backtest</c> over the same files agree). While it runs it
/// records its progress (the heartbeat) and stops when a cancel is asked for. Every way it can end is recorded on the
/// run: succeeded with its results, failed with a reason a person can act on, cancelled, or — when this worker is
/// shutting down — back in the queue for the next worker.
/// </summary>
internal sealed class BacktestExecution(
    BacktestRunBook book, PresetStore presets, MarketDataSets dataSets, IOptions<BacktesterOptions> options, TimeProvider clock, ILogger<BacktestExecution> logger)
{
    public async Task RunAsync(BacktestRunRecord run, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(run);
        Log.RunStarted(logger, run.Id, run.PresetName, run.PresetVersion, run.Attempts);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        try
        {
            var request = ReadRequest(run);
            var preset = await LoadPresetAsync(run, stopping);
            var settings = Settings(request, preset);
            var folder = dataSets.Resolve(request.Market ?? new BacktestMarketChoice(BacktestMarketChoice.Synthetic));
            var read = new StrongBox<long>();
            var market = MarketFolder.Open(folder, request.Symbols is { Count: > 0 } symbols ? symbols : null, settings.Interval, read);
            market.CheckTradeTapes();
            var total = market.CountFileBars();
            var started = clock.GetTimestamp();
            var running = Task.Run(() => new BacktestRunner(settings).Run(market.Series, cancel.Token), cancel.Token);
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(options.Value.ProgressInterval, clock, stopping));
                if (!running.IsCompleted && !await book.ReportProgressAsync(run.Id, Volatile.Read(ref read.Value), total, stopping))
                {
                    await cancel.CancelAsync();
                }
            }

            var result = await running;
            var summary = BacktestSummary.Of(result, settings, market.Series.Count, clock.GetElapsedTime(started));
            if (await book.SucceedAsync(run.Id, BacktestRunOutput.Of(result, summary, read.Value), stopping))
            {
                Log.RunSucceeded(logger, run.Id, summary.Trades, summary.NetPnl, summary.Candles, summary.CandlesPerSecond);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await book.ReleaseAsync(run.Id, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            if (await book.FailAsync(run.Id, BacktestRunStatus.Cancelled, "cancelled while running", stopping))
            {
                Log.RunCancelled(logger, run.Id);
            }
        }
        catch (Exception exception) when (exception is BacktestInputException or JsonException or ArgumentException or InvalidDataException or FormatException)
        {
            Log.RunFailed(logger, run.Id, exception.Message);
            await book.FailAsync(run.Id, BacktestRunStatus.Failed, exception.Message, stopping);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.RunFailed(logger, run.Id, exception.Message);
            await book.FailAsync(run.Id, BacktestRunStatus.Failed, "the data could not be read or written: " + exception.Message, stopping);
        }
#pragma warning disable CA1031 // A defect in one run fails that run with its reason; it must not stop the worker or the others.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.RunCrashed(logger, exception, run.Id);
            await book.FailAsync(run.Id, BacktestRunStatus.Failed, $"the backtest stopped with an unexpected error ({exception.GetType().Name}: {exception.Message})", stopping);
        }
    }

    private static StartBacktestRequest ReadRequest(BacktestRunRecord run)
    {
        var request = JsonSerializer.Deserialize<StartBacktestRequest>(run.RequestJson, ContractJson.Options);
        return request ?? throw new InvalidDataException("the stored request is empty");
    }

    private async Task<TradingPreset> LoadPresetAsync(BacktestRunRecord run, CancellationToken cancellationToken)
    {
        var (preset, _, errors) = await presets.LoadAsync(run.PresetName, run.PresetVersion, cancellationToken);
        return preset ?? throw new ArgumentException($"preset '{run.PresetName}' version {run.PresetVersion} cannot be used: {string.Join("; ", errors.Select(error => $"{error.Path}: {error.Message}"))}");
    }

    private static BacktestSettings Settings(StartBacktestRequest request, TradingPreset preset)
    {
        var intervalName = request.Interval ?? "5";
        if (!CandleInterval.TryParseBacktestInterval(intervalName, out var interval))
        {
            throw new ArgumentException($"the interval '{intervalName}' is not {CandleInterval.BacktestIntervalRule}");
        }

        return new BacktestSettings
        {
            Preset = preset,
            Interval = interval,
            StartingBalance = request.Balance ?? 10_000m,
            From = request.From,
            To = request.To,
            Seed = request.Seed ?? 1,
            TakerFeeRate = request.TakerFeeBps / 10_000m,
            MakerFeeRate = request.MakerFeeBps / 10_000m,
            SlippageBps = request.SlippageBps ?? 2m,
        };
    }
}
