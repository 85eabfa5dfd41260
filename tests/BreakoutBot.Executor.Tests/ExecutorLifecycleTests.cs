using System.Text.Json;
using BreakoutBot.Data;
using BreakoutBot.Data.Schema;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Persistence;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.Executor.Tests;

/// <summary>Commands, signal staleness, the account lease and crash recovery, against the real stack.</summary>
public sealed class ExecutorLifecycleTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task UnmigratedDatabase_ExecutorWaitsNotReadyNamingWhatIsMissing_NeverMigrates_StartsOnceTheMigratorRan()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        var fresh = await postgres.CreateDatabaseAsync();
        await using var executor = await stack.StartExecutorAsync("a", settings: "ConnectionStrings:breakoutdb=" + fresh);
        var state = executor.Services.GetRequiredService<DatabaseMigrationState>();
        var health = executor.Services.GetRequiredService<HealthCheckService>();

        await Eventually.UntilAsync(() => Task.FromResult(state.WaitingFor.Contains("not applied yet", StringComparison.Ordinal)), "the schema check");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var waiting = await health.CheckHealthAsync(check => check.Name == "database-migrations", TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, waiting.Status);
        Assert.Contains("InitialSchema", waiting.Entries["database-migrations"].Description, StringComparison.Ordinal);
        Assert.False(state.Completed);
        Assert.False(executor.HoldsLease, "the engine does not start on a schema that is behind");
        await using (var database = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(fresh).Options))
        {
            Assert.NotEmpty(await DatabaseSchema.PendingMigrationsAsync(database, TestContext.Current.CancellationToken));

            // The db-migrator's run.
            await DatabaseSchema.MigrateAndSeedAsync(database, TimeProvider.System, TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(() => Task.FromResult(state.Completed && executor.HoldsLease), "the executor to start on the current schema");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(check => check.Name == "database-migrations", TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Commands_EachAcknowledgedOnceAndAudited_InvalidTransitionsRefusedWithReason()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a");
        await Eventually.UntilAsync(() => Task.FromResult(executor.IsTrading), "the executor to take the lease");

        (EngineCommandKind Kind, bool Accepted, string State)[] script =
        [
            (EngineCommandKind.Pause, false, "Stopped"),
            (EngineCommandKind.Resume, false, "Stopped"),
            (EngineCommandKind.Stop, false, "Stopped"),
            (EngineCommandKind.ResetKillSwitch, false, "Stopped"),
            (EngineCommandKind.Start, true, "Running"),
            (EngineCommandKind.Start, false, "Running"),
            (EngineCommandKind.Pause, true, "Paused"),
            (EngineCommandKind.Resume, true, "Running"),
            (EngineCommandKind.Stop, true, "Stopped"),
        ];
        foreach (var (kind, accepted, state) in script)
        {
            var ack = await stack.SendCommandAsync(kind);
            Assert.Equal(accepted, ack.Accepted);
            Assert.Equal(state, ack.EngineState);
            Assert.Equal(accepted, ack.Reason is null);
        }

        var badPreset = await stack.SendCommandAsync(EngineCommandKind.Start, preset: "no_such_preset");
        Assert.False(badPreset.Accepted);
        Assert.Contains("no_such_preset", badPreset.Reason, StringComparison.Ordinal);
        var closeUnknown = await stack.SendCommandAsync(new EngineCommand(
            Guid.NewGuid().ToString("N"), EngineCommandKind.ClosePosition, DateTimeOffset.UtcNow, "tester", PositionId: "p-unknown", IssuedFrom: "10.1.2.3"));
        Assert.False(closeUnknown.Accepted);

        var acks = await stack.EventsAsync<CommandAcknowledged>();
        Assert.Equal(script.Length + 2, acks.Select(ack => ack.CommandId).Distinct().Count());
        Assert.Equal(acks.Count, acks.Select(ack => ack.CommandId).Distinct().Count());
        await using var database = stack.Database();
        Assert.Equal(script.Length + 2, await database.AuditLog.CountAsync(entry => entry.Action.StartsWith("engine."), TestContext.Current.CancellationToken));
        Assert.Contains(await database.AuditLog.ToListAsync(TestContext.Current.CancellationToken), entry => entry.Outcome.StartsWith("refused: ", StringComparison.Ordinal) && entry.Actor == "tester");
        Assert.Contains(await database.AuditLog.ToListAsync(TestContext.Current.CancellationToken), entry => entry.Action == "engine.ClosePosition"
            && JsonDocument.Parse(entry.DetailsJson!).RootElement.TryGetProperty("issuedFrom", out var from) && from.GetString() == "10.1.2.3");
        await Eventually.UntilAsync(async () =>
        {
            var stored = await stack.Redis.Connection.GetDatabase().StringGetAsync(RedisKeys.EngineState);
            return stored.HasValue && JsonSerializer.Deserialize<EngineStateChanged>(stored.ToString(), MessageJson.Options)!.State == "Stopped";
        }, "engine:state to say Stopped");
    }

    [Fact]
    public async Task StaleSignal_RejectedWithReason_NoOrder()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");

        var signal = await stack.LongSignalAsync("BTCUSDT", 0.01m, expiresIn: TimeSpan.FromMinutes(-1));
        await stack.PublishSignalAsync(signal);
        await ExecutorRiskTests.WaitForSignalsAsync(stack, 1);

        await using var database = stack.Database();
        var record = await database.Signals.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SignalOutcome.Stale, record.Outcome);
        Assert.Contains("expired", record.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await database.Orders.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TwoExecutors_OnlyOneTrades_StoppingItHandsOver()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        var first = await stack.StartExecutorAsync("first", autoStart: true);
        var second = await stack.StartExecutorAsync("second", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(first.IsTrading || second.IsTrading), "one executor to take the lease");
        var (leader, standby) = first.IsTrading ? (first, second) : (second, first);
        await Eventually.UntilAsync(() => Task.FromResult(leader.State == EngineState.Running), "the automatic start");
        Assert.False(standby.HoldsLease);

        var signal = await stack.LongSignalAsync("BTCUSDT", 0.01m);
        await stack.PublishSignalAsync(signal);
        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        Assert.False(standby.HoldsLease);
        Assert.False(standby.IsTrading);

        await leader.StopAsync();
        await Eventually.UntilAsync(() => Task.FromResult(standby.IsTrading), "the standby to take over");
        Assert.Equal(EngineState.Running, standby.State);

        var next = await stack.LongSignalAsync("ETHUSDT", 0.01m);
        await stack.PublishSignalAsync(next);
        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, next.SignalId);

        // The new leader manages both positions: whatever the market did to the first one meanwhile (it may have been
        // stopped out during the hand-over), the books and the venue agree on every symbol.
        await stack.AssertBooksMatchVenueAsync();
        await standby.StopAsync();
    }

    [Fact]
    public async Task CrashRightAfterEntrySent_RestartFindsTheFillProtectsItAndSendsNoSecondEntry()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        await executor.StopAsync();

        // What a crash between "entry sent" and "fill booked" leaves: the approved signal, the opening position and
        // the entry recorded as Pending in the database, and the order filled on the venue.
        var signal = await stack.LongSignalAsync("BTCUSDT", 0.01m);
        var positionId = TradingIds.PositionFor(signal.SignalId);
        var entryId = TradingIds.EntrySlice(positionId, 1);
        const decimal Quantity = 0.05m;
        var now = DateTimeOffset.UtcNow;
        await using (var database = stack.Database())
        {
            database.Signals.Add(new SignalRecord
            {
                SignalId = signal.SignalId, Symbol = signal.Symbol, Side = signal.Side, Strategy = signal.Strategy.ToString(), LevelPrice = signal.LevelPrice,
                Entry = signal.Entry, Stop = signal.Stop, Confidence = signal.Confidence, PresetName = signal.PresetName, PresetVersion = signal.PresetVersion,
                CandleOpenTime = signal.CandleOpenTime, DetectedAt = signal.DetectedAt, ReceivedAt = now, Outcome = SignalOutcome.Approved, PositionId = positionId,
            });
            database.Positions.Add(new PositionRecord
            {
                PositionId = positionId, SignalId = signal.SignalId, Symbol = signal.Symbol, Direction = PositionDirection.Long, Status = PositionRecordStatus.Opening, Origin = PositionOrigin.Strategy,
                EntryPrice = signal.Entry, InitialStop = signal.Stop, Stop = signal.Stop, StopKind = StopKind.Initial, OriginalQuantity = Quantity,
                BestPrice = signal.Entry, BreakoutLevel = signal.LevelPrice, OpenedAt = now,
            });
            database.Orders.Add(new OrderRecord
            {
                OrderId = entryId, PositionId = positionId, SignalId = signal.SignalId, Symbol = signal.Symbol, Side = OrderSide.Buy, Purpose = OrderPurpose.Entry,
                OrderType = OrderStyle.Market, Quantity = Quantity, Status = OrderRecordStatus.Pending, CreatedAt = now, UpdatedAt = now,
            });
            await database.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(ClientOrderId.TryParse(entryId, out var clientOrderId));
        var placed = stack.Exchange.Submit(OrderRequest.Market(clientOrderId, InstrumentSymbol.Parse("BTCUSDT"), OrderSide.Buy, Quantity));
        Assert.Null(placed.Rejection);

        executor = await stack.StartExecutorAsync("a", autoStart: true);
        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        // The signal comes again (it was never acknowledged before the crash): nothing new happens.
        await stack.PublishSignalAsync(signal);
        var marker = await stack.LongSignalAsync("ETHUSDT", 0.01m);
        await stack.PublishSignalAsync(marker);
        await ExecutorRiskTests.WaitForSignalsAsync(stack, 2);

        Assert.Equal(Quantity, stack.Exchange.ReadAccount(ledger => ledger.PositionOf(InstrumentSymbol.Parse("BTCUSDT"))!.Quantity));
        await using (var database = stack.Database())
        {
            var orders = await database.Orders.AsNoTracking().Where(order => order.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Single(orders, order => order.Purpose == OrderPurpose.Entry);
            Assert.Contains(orders, order => order.Purpose == OrderPurpose.StopLoss && order.Status == OrderRecordStatus.Untriggered);
            Assert.Contains(orders, order => order.Purpose == OrderPurpose.TakeProfit && order.Status == OrderRecordStatus.New);
            var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
            Assert.Equal(Quantity, position.OpenQuantity);
        }

        await executor.StopAsync();
    }
}
