using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>The venue misbehaves on purpose (the simulator's fault injection): lost order acks, 10006 bursts, 5xx.</summary>
public sealed class ExecutorFaultTests(LocalPostgresServer postgres)
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

    [Fact]
    public async Task LostAcksRateLimitsAndServerErrors_NoDuplicateOrder_EveryPositionProtected()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1, faults: true);

        // The positions must stay open for the test: no bar-close rule may end one early (a test signal's level is its
        // entry, so the failed-breakout exit would fire on the first 1-minute close below it).
        await stack.StorePresetAsync(
            ("position_config.exit_rules.failed_breakout_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false));
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var signals = new List<SignalDetected>();
        foreach (var symbol in Symbols)
        {
            signals.Add(await stack.LongSignalAsync(symbol, 0.01m));
        }

        stack.Faults.Apply(new FaultSettings { Seed = 7, LoseOrderAcks = 4, RateLimitedShare = 0.15, ServerErrorShare = 0.05, RateLimitResetMs = 100 });
        foreach (var signal in signals)
        {
            await stack.PublishSignalAsync(signal);
        }

        foreach (var signal in signals)
        {
            await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        }

        Assert.True(stack.Faults.Counters.AcksLost > 0, "the test lost at least one order acknowledgement");
        await stack.AssertBooksMatchVenueAsync();
        await using var database = stack.Database();
        foreach (var signal in signals)
        {
            var symbol = InstrumentSymbol.Parse(signal.Symbol);
            var position = await database.Positions.AsNoTracking().SingleAsync(row => row.SignalId == signal.SignalId, TestContext.Current.CancellationToken);
            var entries = await database.Orders.AsNoTracking().Where(order => order.PositionId == position.PositionId && order.Purpose == OrderPurpose.Entry).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(position.OriginalQuantity, entries.Sum(order => order.FilledQuantity));
            foreach (var entry in entries)
            {
                // An order whose request failed before the venue took it (a server error) is not there: it was looked up,
                // found missing past the lost-order timeout and ended unfilled; every other one is there exactly once.
                Assert.True(ClientOrderId.TryParse(entry.OrderId, out var entryId));
                var atVenue = stack.Exchange.Orders(symbol, entryId);
                if (atVenue.Count == 0)
                {
                    Assert.True(entry.Status.IsTerminal() && entry.FilledQuantity == 0, $"{entry.OrderId} is not at the venue but booked {entry.Status} with {entry.FilledQuantity} filled");
                    continue;
                }

                Assert.Equal(entry.FilledQuantity, Assert.Single(atVenue).FilledQuantity);
            }

            var working = stack.Exchange.Orders(symbol, null);
            Assert.Single(working, order => order.Request.Trigger is not null && order.Request.ReduceOnly);
            Assert.Equal(working.Count, working.Select(order => order.ClientOrderId).Distinct().Count());
        }

        stack.Faults.Apply(FaultSettings.None);
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Kill, flatten: true)).Accepted);
        await Eventually.UntilAsync(() => Task.FromResult(stack.VenueOpenPositions == 0), "the flatten");
    }
}
