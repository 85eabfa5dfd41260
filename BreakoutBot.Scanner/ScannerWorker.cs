using System.Diagnostics;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Scanner.Engine;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Scanner.Market;
using BreakoutBot.Scanner.Publishing;
using BreakoutBot.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Scanner;

/// <summary>
/// The scanning loop: builds the universe (REST), back-fills candles, subscribes the public stream, then evaluates
/// every closed bar for the whole universe and publishes the outcome. Failures degrade (logged, reported in the
/// status), they never stop the service; the universe is re-read periodically.
/// </summary>
public sealed class ScannerWorker(
    BybitMarketClient rest,
    IMarketDataFeed feed,
    MarketDataStore store,
    CloseBatcher closes,
    MarketStreamPump pump,
    BookDensityFeed densities,
    EngineStateReader engineState,
    PresetSource presets,
    ScanPublisher publisher,
    ScanSummaryWriter summaries,
    ScannerMetrics metrics,
    ServiceTelemetry telemetry,
    IOptions<ScannerOptions> options,
    TimeProvider clock,
    ILogger<ScannerWorker> logger) : BackgroundService
{
    private readonly ScannerOptions _options = options.Value;
    private CloseEvaluator? _evaluator;
    private string? _signalsDisabledReason = "starting";
    private DateTimeOffset? _lastCandle;
    private DateTimeOffset? _lastEvaluatedAt;
    private double? _lagSeconds;
    private string _state = "Starting";
    private string? _detail;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PublishStatusAsync();
        var pumping = pump.RunAsync(stoppingToken);
        await FollowEngineAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested && !await TryStep("universe", () => RefreshUniverseAsync(stoppingToken)))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
        }

        var nextUniverseRefresh = clock.GetUtcNow() + _options.UniverseRefreshInterval;
        _state = "Scanning";
        _detail = null;
        await PublishStatusAsync();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(TimeSpan.FromSeconds(5));
                ClosedBar? bar = null;
                try
                {
                    bar = await closes.Ready.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // No close within the wait: look at the engine and the universe, then wait again.
                }

                await FollowEngineAsync(stoppingToken);
                if (bar is { } closed)
                {
                    await TryStep("evaluation", () => EvaluateAsync(closed, stoppingToken));
                }

                if (clock.GetUtcNow() >= nextUniverseRefresh)
                {
                    nextUniverseRefresh = clock.GetUtcNow() + _options.UniverseRefreshInterval;
                    await TryStep("universe", () => RefreshUniverseAsync(stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await pumping.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Reads the engine's state: signals on or off, and a preset change makes a new evaluator (no restart needed).</summary>
    private async Task FollowEngineAsync(CancellationToken cancellationToken)
    {
        var state = await TryRead(engineState.ReadAsync);
        var reason = EngineStateReader.SignalsDisabledReason(state);
        if (reason != _signalsDisabledReason)
        {
            Log.SignalsSwitched(logger, reason is null ? "on" : "off", reason ?? $"the engine is {state?.State}");
            _signalsDisabledReason = reason;
        }

        var wantedName = state?.PresetName;
        var current = _evaluator?.Preset;
        if (current is null || (wantedName is not null && (wantedName != current.Name || (state!.PresetVersion is { } version && version != current.Version))))
        {
            var preset = await presets.ResolveAsync(state, cancellationToken);
            if (current is null || preset.Name != current.Name || preset.Version != current.Version)
            {
                _evaluator = new CloseEvaluator(preset, _options.LevelWindowBars, clock);
                densities.Use(_evaluator);
                Log.PresetActivated(logger, preset.Name, preset.Version);
            }
        }
    }

    private async Task RefreshUniverseAsync(CancellationToken cancellationToken)
    {
        var instruments = await rest.GetInstrumentsAsync(cancellationToken);
        var tickers = await rest.GetTickersAsync(cancellationToken: cancellationToken);
        var selected = UniverseSelector.Select(instruments, tickers, _evaluator!.Preset.Preset.ScannerConfig);
        var (added, removed) = store.SetUniverse(selected);
        foreach (var symbol in removed)
        {
            _evaluator.Forget(symbol);
            densities.Forget(symbol);
            foreach (var topic in (string[])[BybitTopics.Kline(symbol, _options.ParsedInterval), BybitTopics.Ticker(symbol), BybitTopics.OrderBook(symbol, _options.OrderBookDepth), BybitTopics.Trades(symbol)])
            {
                await feed.UnsubscribeAsync(topic, cancellationToken);
            }
        }

        var tickerBySymbol = tickers.ToDictionary(ticker => ticker.Symbol);
        foreach (var instrument in added)
        {
            var symbol = instrument.Symbol;
            await pump.BackfillCandlesAsync(symbol, cancellationToken);
            await pump.BackfillOpenInterestAsync(symbol, cancellationToken);
            store.Update(symbol, data => data.Ticker = tickerBySymbol.GetValueOrDefault(symbol));
            await feed.SubscribeKlinesAsync(symbol, _options.ParsedInterval, cancellationToken);
            await feed.SubscribeTickersAsync(symbol, cancellationToken);
            await feed.SubscribeOrderBookAsync(symbol, _options.OrderBookDepth, cancellationToken);
            await feed.SubscribeTradesAsync(symbol, cancellationToken);
        }

        metrics.SetSymbolsTracked(store.Count);
        Log.UniverseChanged(logger, store.Count, added.Count, removed.Count);
    }

    private async Task EvaluateAsync(ClosedBar bar, CancellationToken cancellationToken)
    {
        var candleOpenTime = bar.OpenTime;
        var evaluator = _evaluator!;
        using var activity = telemetry.ActivitySource.StartActivity("scan close");
        activity?.SetTag("breakoutbot.candle.open_time", candleOpenTime.ToString("O"));
        var outcome = evaluator.Evaluate(candleOpenTime, store.Snapshot(candleOpenTime));
        metrics.EvaluationDuration.Record(outcome.Duration.TotalMilliseconds);
        foreach (var filter in outcome.Symbols.SelectMany(symbol => symbol.Evaluation.Filters).Where(filter => !filter.Passed))
        {
            metrics.FilterRejections.Add(1, new KeyValuePair<string, object?>("filter", filter.Name));
        }

        var emitted = 0;
        if (_signalsDisabledReason is null)
        {
            foreach (var signal in outcome.Signals)
            {
                var correlation = outcome.Symbols.FirstOrDefault(symbol => symbol.Instrument.Symbol == signal.Symbol)?.Evaluation.Metrics.BtcCorrelation;
                emitted += await PublishSignalAsync(signal, evaluator.Preset, bar, correlation) ? 1 : 0;
            }
        }

        var now = clock.GetUtcNow();
        var interval = _options.ParsedInterval;
        var snapshot = ScanSnapshotMapper.ToSnapshot(
            outcome, evaluator.Preset, interval.WireName, $"{candleOpenTime.ToUnixTimeMilliseconds()}-{evaluator.Preset.Name}-{evaluator.Preset.Version}",
            now, store.Count, _signalsDisabledReason);
        await publisher.PublishSnapshotAsync(snapshot, emitted);
        await TryStep("scan summary", () => summaries.WriteIfDueAsync(
            snapshot, emitted, TimeSpan.FromSeconds(evaluator.Preset.Preset.ScannerConfig.ScanIntervalSeconds), cancellationToken));

        _lastCandle = candleOpenTime;
        _lastEvaluatedAt = now;
        // The venue's clock may run at another speed (the simulator): lag is measured on our clock, from arrival.
        _lagSeconds = (now - bar.FirstCloseSeenAt).TotalSeconds;
        activity?.SetTag("breakoutbot.scan.symbols", outcome.Symbols.Count);
        activity?.SetTag("breakoutbot.scan.signals", emitted);
        Log.CloseEvaluated(logger, candleOpenTime, outcome.Symbols.Count, snapshot.SymbolsPassed, emitted, outcome.Duration.TotalMilliseconds);
        await PublishStatusAsync();
    }

    private async Task<bool> PublishSignalAsync(BreakoutSignal signal, ActivePreset preset, ClosedBar bar, double? btcCorrelation)
    {
        // Deadlines are on our clock (the simulator's market clock may run faster than real time).
        var detectedAt = clock.GetUtcNow();
        var message = new SignalDetected(
            signal.Id, signal.Symbol.Value, signal.Direction, signal.Strategy, signal.LevelPrice, signal.Entry, signal.Stop,
            signal.Confidence, preset.Name, preset.Version, _options.ParsedInterval.WireName, signal.CandleOpenTime,
            detectedAt, bar.FirstCloseSeenAt + _options.SignalTimeToLive, signal.Reasons, btcCorrelation);
        var published = await publisher.PublishSignalAsync(signal, message);
        if (!published)
        {
            Log.SignalAlreadyPublished(logger, signal.Id);
            return false;
        }

        metrics.SignalsEmitted.Add(
            1, new KeyValuePair<string, object?>("strategy", signal.Strategy.ToString()), new KeyValuePair<string, object?>("side", signal.Direction.ToString()));
        metrics.CloseToSignalLatency.Record((detectedAt - bar.FirstCloseSeenAt).TotalMilliseconds);
        Log.SignalPublished(logger, signal.Id, signal.Symbol.Value, signal.Direction.ToString(), signal.Strategy.ToString(), signal.LevelPrice, signal.Entry, signal.Stop);
        return true;
    }

    private async Task PublishStatusAsync() =>
        await TryStep("status", () => publisher.PublishStatusAsync(new ScannerStatus(
            clock.GetUtcNow(), _state, _detail, store.Count, _lastCandle, _lastEvaluatedAt, _lagSeconds,
            _evaluator?.Preset.Name, _evaluator?.Preset.Version, _signalsDisabledReason is null, metrics.DataGapTotal, metrics.StreamReconnectTotal)));

    private async Task<bool> TryStep(string step, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.StepFailed(logger, exception, step);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, step + " failed");
            _state = "Degraded";
            _detail = $"{step} failed: {exception.GetType().Name}";
            return false;
        }
    }

    private async Task<T?> TryRead<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.StepFailed(logger, exception, "engine state");
            return null;
        }
    }
}
