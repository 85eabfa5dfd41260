using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Backtesting.Engine;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Presets;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Scanner.Market;
using BreakoutBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// Parity of the live system and the backtester: the real scanner and executor trade the simulated market, the bars
/// the scanner saw are recorded from the venue (its REST klines, as <c>breakoutbot data download</c> fetches them), and
/// a backtest of the recording with the same preset version makes every signal the scanner made — same close, side,
/// strategy, level, entry and stop. The backtest cannot see the order book, the trade tape or open interest (those
/// filters pass in it), so it may make more signals than the scanner: those are listed, as are the trades of both.
/// </summary>
public sealed class ScannerBacktestParityTests(LocalPostgresServer postgres, ITestOutputHelper output)
{
    private const int SignalsWanted = 8;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task SimRunRecordedThenBacktested_TheBacktestMakesEverySignalTheScannerMade()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // A bar every 2 s: every symbol's close reaches the scanner within its batch window. (Faster, a close that misses
        // the window is evaluated only as history, and the signal engine of that symbol never judged that bar.)
        await using var stack = await TradingStack.StartAsync(postgres, speed: 150);
        // The default preset, made to signal more often (the engine and the scanner take the newest version).
        await stack.StorePresetAsync(
            ("signal_config.l2_imbalance_threshold", 0m),
            ("signal_config.momentum_volume_multiplier", 1.05m),
            ("signal_config.momentum_body_ratio_min", 0.1m));
        var executor = await stack.StartExecutorAsync("parity", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the engine to run (the scanner emits signals only then)");
        var scanner = await stack.StartScannerAsync("Scanner:CloseBatchWindow=00:00:01");
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var snapshots = new ConcurrentDictionary<DateTimeOffset, ScanSnapshot>();
        var watcher = WatchSnapshotsAsync(stack, snapshots, watching.Token);
        var firstClose = await FirstEvaluatedCloseAsync(stack);

        var live = (await WaitForSignalsAsync(stack)).Where(signal => signal.CandleOpenTime >= firstClose).ToList();
        await watching.CancelAsync();
        await watcher;
        Assert.True(live.Count >= 3, $"the scanner made only {live.Count} signal(s) in {RunLimit}: too few to compare");
        var preset = live.Select(signal => (signal.PresetName, signal.PresetVersion)).Distinct().Single();

        // The recording: every closed bar of every symbol, from the venue, up to the last close the scanner signalled on.
        using var http = new HttpClient { BaseAddress = stack.SimulatorAddress };
        var venue = new BybitMarketClient(http, TimeProvider.System);
        var instruments = await venue.GetInstrumentsAsync(cancellation);
        var lastClose = live.Max(signal => signal.CandleOpenTime);
        var series = new List<SymbolSeries>();
        await Eventually.UntilAsync(
            async () => (await venue.GetKlinesBetweenAsync(instruments[0].Symbol, CandleInterval.FiveMinutes, lastClose, lastClose.AddMinutes(5), 10, cancellation))
                .Any(bar => bar.OpenTime == lastClose.AddMinutes(5) && bar.IsClosed),
            "the bar after the last signal to close");
        foreach (var instrument in instruments)
        {
            var bars = await venue.GetKlinesBetweenAsync(instrument.Symbol, CandleInterval.FiveMinutes, lastClose.AddDays(-5), lastClose.AddMinutes(5), 1000, cancellation);
            series.Add(new SymbolSeries(instrument, [.. bars.Where(bar => bar.IsClosed)]));
        }

        await using var database = stack.Database();
        var (loaded, _, errors) = await new PresetStore(database, TimeProvider.System).LoadAsync(preset.PresetName, preset.PresetVersion, cancellation);
        Assert.True(loaded is not null, string.Join("; ", errors));
        // Evaluated from the scanner's first close on: its signal engines start there too, replaying the bars before it.
        var settings = new BacktestSettings { Preset = loaded!, StartingBalance = 10_000m, From = firstClose };
        var recorded = new RecordedSignals(settings, preset.PresetVersion);
        var backtest = new BacktestRunner(settings, signals: recorded).Run(series, cancellation);

        var report = new StringBuilder();
        var historyDifferences = CompareHistory(scanner.Services.GetRequiredService<MarketDataStore>().Snapshot(lastClose), series, report);
        var parity = new SignalParity(live, recorded.Emitted, recorded.Engine, recorded.Rejections, series, snapshots);
        parity.Reconcile(firstClose, lastClose);
        report.Append(parity.Report);
        var partial = snapshots.Values.Where(snapshot => snapshot.CandleOpenTime >= firstClose && snapshot.Symbols.Count < instruments.Count).Select(snapshot => snapshot.CandleOpenTime).Order().ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"closes observed: {snapshots.Count}; evaluated without every symbol: {(partial.Count == 0 ? "none" : string.Join(", ", partial.Select(time => time.ToString("u", CultureInfo.InvariantCulture))))}");
        report.AppendLine(CultureInfo.InvariantCulture, $"live trades: {await database.Trades.CountAsync(cancellation)}; backtest trades: {backtest.Trades.Count}");
        foreach (var trade in backtest.Trades.Where(trade => trade.EntryTime <= lastClose.AddMinutes(10)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  backtest {trade.Symbol} {trade.Direction} {trade.EntryTime:u} @ {trade.EntryPrice} → {trade.ExitTime:u} @ {trade.ExitPrice} {trade.ExitReason} net {trade.NetPnl:0.####}");
        }

        foreach (var trade in await database.Trades.AsNoTracking().OrderBy(trade => trade.OpenedAt).ToListAsync(cancellation))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  live     {trade.Symbol} {trade.Direction} {trade.OpenedAt:u} @ {trade.EntryPrice} → {trade.ClosedAt:u} @ {trade.ExitPrice} {trade.ExitReason} net {trade.RealizedPnl:0.####}");
        }

        output.WriteLine(report.ToString());
        Assert.True(historyDifferences == 0 && parity.Unexplained == 0 && parity.Same >= 3, report.ToString());
    }

    /// <summary>The bars the scanner held against the recording, bar by bar over the bars both have: every difference is listed (the first five per symbol) and counted.</summary>
    private static int CompareHistory(IReadOnlyList<SymbolInputs> held, IReadOnlyList<SymbolSeries> recording, StringBuilder report)
    {
        var differences = 0;
        foreach (var inputs in held)
        {
            var recorded = recording.Single(series => series.Instrument.Symbol == inputs.Instrument.Symbol).Bars.ToDictionary(bar => bar.OpenTime);
            var shown = 0;
            foreach (var bar in inputs.Candles)
            {
                if (!recorded.TryGetValue(bar.OpenTime, out var twin))
                {
                    continue;
                }

                if ((bar.Open, bar.High, bar.Low, bar.Close, bar.Volume) != (twin.Open, twin.High, twin.Low, twin.Close, twin.Volume))
                {
                    differences++;
                    if (shown++ < 5)
                    {
                        report.AppendLine(CultureInfo.InvariantCulture, $"HISTORY {inputs.Instrument.Symbol} {bar.OpenTime:u}: scanner {bar.Open}/{bar.High}/{bar.Low}/{bar.Close} v{bar.Volume}, venue {twin.Open}/{twin.High}/{twin.Low}/{twin.Close} v{twin.Volume}");
                    }
                }
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"history {inputs.Instrument.Symbol}: scanner held {inputs.Candles.Count} bars from {inputs.Candles[0].OpenTime:u}");
        }

        return differences;
    }

    /// <summary>Keeps the scanner's snapshot of every close it evaluates (it publishes the latest one under a key).</summary>
    private static async Task WatchSnapshotsAsync(TradingStack stack, ConcurrentDictionary<DateTimeOffset, ScanSnapshot> snapshots, CancellationToken stop)
    {
        var redis = stack.Redis.Connection.GetDatabase();
        while (!stop.IsCancellationRequested)
        {
            if (await redis.StringGetAsync(RedisKeys.ScanLatest) is { HasValue: true } json
                && JsonSerializer.Deserialize<ScanSnapshot>(json.ToString(), MessageJson.Options) is { } snapshot)
            {
                snapshots[snapshot.CandleOpenTime] = snapshot;
            }

            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The close the scanner evaluated first (its status names the last one it evaluated).</summary>
    private static async Task<DateTimeOffset> FirstEvaluatedCloseAsync(TradingStack stack)
    {
        var redis = stack.Redis.Connection.GetDatabase();
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromMinutes(1))
        {
            if (await redis.StringGetAsync(RedisKeys.ScannerStatus) is { HasValue: true } json
                && JsonSerializer.Deserialize<ScannerStatus>(json.ToString(), MessageJson.Options)?.LastCandleOpenTime is { } first)
            {
                return first;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the scanner evaluated no close within a minute");
    }

    private static async Task<IReadOnlyList<SignalDetected>> WaitForSignalsAsync(TradingStack stack)
    {
        var reader = new RedisStreamReader(stack.Redis.Connection);
        var started = DateTime.UtcNow;
        IReadOnlyList<SignalDetected> signals = [];
        while (DateTime.UtcNow - started < RunLimit)
        {
            var entries = await reader.ReadAfterAsync(StreamNames.Signals, null, 100_000);
            signals = [.. entries.Where(entry => entry.Envelope.Type == nameof(SignalDetected)).Select(entry => entry.Envelope.PayloadAs<SignalDetected>())];
            if (signals.Count >= SignalsWanted)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }

        return signals;
    }
}
