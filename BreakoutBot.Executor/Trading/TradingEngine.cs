using System.Text.Json;
using BreakoutBot.Data;
using BreakoutBot.Data.Engine;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Risk;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Lease;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Risk;
using BreakoutBot.Executor.Venue;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// The trading core of one account: engine state, signal intake, risk, orders, position management, reconciliation.
/// Every mutation runs under one gate, one at a time, so a burst of signals meets the concurrency limit against an
/// exact count and a command never interleaves with a fill. The database is the memory: each step writes its state
/// and the stream messages it causes in one transaction (the outbox), and the engine reloads everything on start.
/// </summary>
public sealed partial class TradingEngine(
    IServiceScopeFactory scopes,
    IVenue venue,
    VenueFacts venueFacts,
    OrderRouter router,
    Reconciler reconciler,
    FundingBook funding,
    TradeBook trades,
    ExposureClock exposure,
    AccountLease lease,
    OutboxPublisher outbox,
    IConnectionMultiplexer redis,
    IOptions<ExecutorOptions> executorOptions,
    IOptions<TradingOptions> tradingOptions,
    IOptions<ExecutorTradingOptions> executorTradingOptions,
    ExecutorMetrics metrics,
    ServiceTelemetry telemetry,
    TimeProvider clock,
    ILogger<TradingEngine> logger) : IDisposable
{
    private const string SystemActor = ExecutorAudit.SystemActor;

    /// <summary>Bars the level detector reads for smart take-profit placement (the scanner's level window).</summary>
    private const int TakeProfitLevelWindowBars = 120;

    /// <summary>Book levels per side read for the densities smart take-profit placement avoids.</summary>
    private const int TakeProfitBookDepth = 200;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly ExecutorOptions _options = executorOptions.Value;
    private readonly TradingMode _mode = tradingOptions.Value.ParsedMode;

    private EngineState _state = EngineState.Stopped;
    private long? _sessionId;
    private readonly TradingPresets _presets = new(clock, logger);
    private readonly RiskGate _risk = new();
    private bool _initialized;
    private bool _equityDue;
    private bool _memoryInDoubt;

    public string Account => _options.Account;

    public EngineState State => _state;

    public bool IsActive => _initialized && lease.IsHeld;

    private StopPlacement StopPlacement => _options.StopPlacement;

    private CandleInterval ManagementInterval => CandleIntervalExtensions.ParseWireName(_options.ManagementInterval);

    private string ModeName => TradingModeNames.ToName(_mode);

    /// <summary>Run the management loop soon (a push from the venue, a new position).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Waits for the next management round: the poll interval, or earlier when woken.</summary>
    public async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _wake.WaitAsync(_options.PollInterval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _wake.Dispose();
    }

    /// <summary>
    /// Loads the account's state from the database, reconciles with the venue before anything trades, then resumes
    /// the persisted state (or starts by itself in <c>sim</c> when <c>Trading:AutoStart</c> allows).
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var activity = telemetry.ActivitySource.StartActivity("executor.initialize");
            _initialized = false;
            await venueFacts.SetUpAsync(cancellationToken);

            var wallet = await venue.GetWalletAsync(cancellationToken);
            var now = clock.GetUtcNow();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var database = Database(scope);
                var state = await database.EngineStates.FindAsync([Account], cancellationToken);
                if (state is null)
                {
                    state = new EngineStateRecord { Account = Account, State = nameof(EngineState.Stopped), Mode = ModeName, Since = now, Reason = "first start" };
                    database.EngineStates.Add(state);
                }

                var risk = await database.RiskStates.FindAsync([Account], cancellationToken);
                if (!string.Equals(state.Mode, ModeName, StringComparison.OrdinalIgnoreCase))
                {
                    // Another mode's state is never resumed: a sim run left Running must not trade a real account, and its
                    // kill switch, pending flatten and day-start equity belong to the simulated wallet.
                    var previousMode = state.Mode;
                    Log.OtherModesStateNotResumed(logger, previousMode, ModeName);
                    Audit(database, SystemActor, "engine.mode-changed", $"the {previousMode} state was not resumed in {ModeName}: Stopped, risk state fresh",
                        new { previousMode, previousState = state.State, mode = ModeName }, Account, now);
                    (state.State, state.Mode, state.PresetName, state.PresetVersion, state.SessionId, state.Since) =
                        (nameof(EngineState.Stopped), ModeName, null, null, null, now);
                    state.Reason = $"the previous state belonged to mode '{previousMode}'; this deployment trades '{ModeName}' and starts fresh";
                    if (risk is not null)
                    {
                        RiskStateRecords.StartOver(risk, now, wallet.Equity);
                    }
                }

                if (risk is null)
                {
                    risk = RiskStateRecords.NewRecord(Account, now, wallet.Equity);
                    database.RiskStates.Add(risk);
                }

                await database.SaveChangesAsync(cancellationToken);
                await AdoptStoredAsync(database, state, risk, cancellationToken);
            }

            await ReconcileCoreAsync(cancellationToken);
            _initialized = true;

            // A transient state found on start was interrupted by a crash: settle it.
            if (_state is EngineState.Starting or EngineState.Stopping)
            {
                await using var scope = scopes.CreateAsyncScope();
                var database = Database(scope);
                await ChangeStateAsync(database, EngineStateMachine.Settle(_state), "settled after a restart", clock.GetUtcNow(), cancellationToken);
                await database.SaveChangesAsync(cancellationToken);
            }

            await PublishStateSnapshotAsync();
            Log.EngineInitialized(logger, Account, _state, _presets.Name ?? "-");
            if (_state == EngineState.Stopped && executorTradingOptions.Value.ResolveAutoStart(_mode) && !await WasStoppedByOperatorAsync(cancellationToken))
            {
                var command = new EngineCommand("auto-" + TradingIds.NewEventId(), EngineCommandKind.Start, clock.GetUtcNow(), SystemActor, executorTradingOptions.Value.ResolveDefaultPreset(_mode));
                var ack = await HandleCommandCoreAsync(command, command.CommandId, cancellationToken);
                Log.AutoStarted(logger, ack.Accepted, ack.Reason ?? "");
            }
        }
        finally
        {
            _gate.Release();
        }

        outbox.Wake();
    }

    /// <summary>
    /// Runs one step under the gate. A step changes the engine's memory (state, kill switch, streak, preset) together
    /// with its unit of work; when the step fails before that unit is committed, memory would disagree with the
    /// database (an engine that refuses commands as Emergency while every reader sees Running). So after a failed step
    /// memory is put back to what the database holds before any other step runs; the step still fails as it would have.
    /// </summary>
    private async Task<T> ExclusiveAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_memoryInDoubt)
            {
                await ReloadCommittedStateAsync(cancellationToken);
            }

            return await step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _memoryInDoubt = true;
            Log.StepFailedMemoryInDoubt(logger, _state, exception.GetType().Name);
            await TryReloadCommittedStateAsync(cancellationToken);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ExclusiveAsync(Func<Task> step, CancellationToken cancellationToken) => await ExclusiveAsync(async () =>
    {
        await step();
        return true;
    }, cancellationToken);

    private async Task TryReloadCommittedStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReloadCommittedStateAsync(cancellationToken);
        }
        catch (Exception reload) when (reload is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database is away too: the next step tries again before it runs.
            Log.StateReloadFailed(logger, reload);
        }
    }

    /// <summary>Takes the stored engine and risk rows as the engine's memory, with the preset they name (on start and after a failed step).</summary>
    private async Task AdoptStoredAsync(TradingDbContext database, EngineStateRecord state, RiskStateRecord risk, CancellationToken cancellationToken)
    {
        _state = Enum.Parse<EngineState>(state.State);
        _sessionId = state.SessionId;
        _risk.Load(risk);
        metrics.KillSwitchTripped = _risk.BlocksEntries;
        await _presets.RestoreAsync(database, state.PresetName, state.PresetVersion, executorTradingOptions.Value.ResolveDefaultPreset(_mode), cancellationToken);
    }

    /// <summary>The engine state, risk state and active preset as the database holds them.</summary>
    private async Task ReloadCommittedStateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        var state = await database.EngineStates.AsNoTracking().SingleAsync(row => row.Account == Account, cancellationToken);
        var risk = await database.RiskStates.AsNoTracking().SingleAsync(row => row.Account == Account, cancellationToken);
        var before = _state;
        await AdoptStoredAsync(database, state, risk, cancellationToken);
        _memoryInDoubt = false;
        Log.StateReloaded(logger, before, _state, _risk.BlocksEntries);
    }

    /// <summary>Stops trading activity without touching the venue (the lease was lost or the host stops).</summary>
    public void Deactivate() => _initialized = false;

    private async Task<bool> WasStoppedByOperatorAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = await Database(scope).EngineStates.AsNoTracking().SingleAsync(row => row.Account == Account, cancellationToken);
        return state.Reason?.StartsWith("stopped by", StringComparison.Ordinal) == true;
    }

    private static TradingDbContext Database(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TradingDbContext>();

    /// <summary>
    /// The venue's time, for what the operator reads beside fills and candles (equity points, drift findings); our clock
    /// until the venue has answered. Timeouts, windows and the trading day keep to our clock.
    /// </summary>
    private DateTimeOffset VenueNow() => venue.VenueNow ?? clock.GetUtcNow();

    /// <summary>Persists a state change and its <see cref="EngineStateChanged"/> event in the caller's unit of work.</summary>
    private async Task ChangeStateAsync(TradingDbContext database, EngineState next, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await database.EngineStates.FindAsync([Account], cancellationToken)
            ?? throw new InvalidOperationException($"engine state of account {Account} is missing");
        row.State = next.ToString();
        row.Mode = ModeName;
        row.PresetName = _presets.Name;
        row.PresetVersion = _presets.Version;
        row.SessionId = _sessionId;
        row.Since = now;
        row.Reason = reason;
        var previous = _state;
        _state = next;
        Outbox.Event(database, new EngineStateChanged(TradingIds.NewEventId(), next.ToString(), ModeName, _presets.Name, _presets.Version, now, reason), Account, now);
        Log.EngineStateChanged(logger, previous, next, reason ?? "");
    }

    private async Task SaveRiskAsync(TradingDbContext database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await database.RiskStates.FindAsync([Account], cancellationToken)
            ?? throw new InvalidOperationException($"risk state of account {Account} is missing");
        _risk.WriteTo(row, now);
        metrics.KillSwitchTripped = _risk.BlocksEntries;
    }

    private static void Audit(TradingDbContext database, string actor, string action, string outcome, object? details, string? correlationId, DateTimeOffset now) =>
        ExecutorAudit.Add(database, actor, action, outcome, details, correlationId, now);

    private async Task PublishStateSnapshotAsync()
    {
        var snapshot = new EngineStateChanged(TradingIds.NewEventId(), _state.ToString(), ModeName, _presets.Name, _presets.Version, clock.GetUtcNow(), "current state");
        try
        {
            await redis.GetDatabase().StringSetAsync(RedisKeys.EngineState, JsonSerializer.Serialize(snapshot, MessageJson.Options));
        }
        catch (RedisException exception)
        {
            Log.StateSnapshotFailed(logger, exception);
        }
    }

}
