using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>Reconciliation when the venue changed behind the executor's back.</summary>
public sealed class ExecutorReconciliationTests(LocalPostgresServer postgres)
{
    [Fact]
    public async Task PositionClosedOnTheVenueByHand_IsClosedOutFromTheVenuesExecutions_TradePnlEqualsWalletChange()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var walletBefore = stack.WalletBalance;
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        var symbol = InstrumentSymbol.Parse("ETHUSDT");
        var size = stack.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)!.Quantity);

        // Someone closes the position on the exchange with an order of their own.
        using (var http = new HttpClient { BaseAddress = stack.SimulatorAddress })
        {
            var account = new BybitPrivateClient(http, new BybitCredentials("sim-api-key", "sim-api-secret"), TimeProvider.System);
            await account.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Sell, IsMarket: true, size, "closed-by-hand-1", ReduceOnly: true), TestContext.Current.CancellationToken);
        }

        var trade = await Eventually.WaitAsync(async () =>
        {
            await using var database = stack.Database();
            return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == positionId);
        }, "the close-out at the next reconciliation");

        Assert.StartsWith("closed outside the executor", trade.ExitReason, StringComparison.Ordinal);
        Assert.DoesNotContain("unaccounted", trade.ExitReason, StringComparison.Ordinal);
        await stack.AssertBooksEqualWalletAsync(walletBefore);
        Assert.Equal(0, stack.VenueOpenPositions);
        Assert.Empty(stack.Exchange.Orders(symbol, null));
        await using (var database = stack.Database())
        {
            var outside = await database.Orders.AsNoTracking().SingleAsync(order => order.PositionId == positionId && order.RejectReason == "placed outside the executor", TestContext.Current.CancellationToken);
            Assert.Equal((OrderPurpose.Exit, OrderRecordStatus.Filled, size), (outside.Purpose, outside.Status, outside.FilledQuantity));
            Assert.Equal(size, await database.Fills.Where(fill => fill.OrderId == outside.OrderId).SumAsync(fill => fill.Quantity, TestContext.Current.CancellationToken));
        }

        // The drift event is committed with the close-out and published by the outbox a moment later.
        var drift = await Eventually.WaitAsync(
            async () => (await stack.EventsAsync<ReconciliationDrift>()).Where(drift => drift.Kind == "missing").ToList() is { Count: > 0 } found ? found : null,
            "the missing-position drift event");
        Assert.Single(drift);
        Assert.Equal(("ETHUSDT", size, 0m, positionId), (drift[0].Symbol, drift[0].OursQuantity, drift[0].VenueQuantity, drift[0].PositionId));
    }

    [Fact]
    public async Task StopCancelledOnTheVenueByHand_DriftOnThePositionStoredAndSent_StopPlacedAgain()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        var stop = await Eventually.WaitAsync(() => WorkingStopAsync(stack, positionId, except: null), "the position's working stop");

        // Someone cancels our stop on the exchange.
        using (var http = new HttpClient { BaseAddress = stack.SimulatorAddress })
        {
            var account = new BybitPrivateClient(http, new BybitCredentials("sim-api-key", "sim-api-secret"), TimeProvider.System);
            await account.CancelOrderAsync(InstrumentSymbol.Parse("ETHUSDT"), stop.OrderId, TestContext.Current.CancellationToken);
        }

        var replacement = await Eventually.WaitAsync(() => WorkingStopAsync(stack, positionId, except: stop.OrderId), "a stop placed again");
        Assert.Equal(stop.TriggerPrice, replacement.TriggerPrice);
        var drift = await Eventually.WaitAsync(
            async () => (await stack.EventsAsync<ReconciliationDrift>()).FirstOrDefault(drift => drift.Kind == "unprotected"), "the drift event");
        Assert.Equal((positionId, "ETHUSDT"), (drift.PositionId, drift.Symbol));
        Assert.Contains("cancelled outside the executor", drift.Action, StringComparison.Ordinal);
        await using var database = stack.Database();
        var stored = await database.Drifts.AsNoTracking().SingleAsync(row => row.DriftId == drift.EventId, TestContext.Current.CancellationToken);
        Assert.Equal((positionId, "unprotected", drift.OursQuantity), (stored.PositionId, stored.Kind, stored.OursQuantity));
    }

    private static async Task<Data.Trading.OrderRecord?> WorkingStopAsync(TradingStack stack, string positionId, string? except)
    {
        OrderRecordStatus[] notWorking = [OrderRecordStatus.Pending, OrderRecordStatus.Filled, OrderRecordStatus.Cancelled, OrderRecordStatus.Rejected, OrderRecordStatus.Deactivated, OrderRecordStatus.PartiallyFilledCanceled];
        await using var database = stack.Database();
        return await database.Orders.AsNoTracking().FirstOrDefaultAsync(
            order => order.PositionId == positionId && order.Purpose == OrderPurpose.StopLoss && order.OrderId != except && !notWorking.Contains(order.Status),
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FundingSettledOnOurPosition_BookedOnceEach_BooksEqualTheWalletToTheCent()
    {
        // Funding every simulated hour, six seconds of ours at speed 600.
        await using var stack = await TradingStack.StartAsync(postgres, speed: 600, faults: false, "--Simulator:FundingIntervalHours=1");
        await using var executor = await stack.StartExecutorAsync("a");

        // A position that stays open across funding times: no exit rule ends it within the test.
        await stack.StorePresetAsync(
            ("position_config.trailing_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false),
            ("position_config.exit_rules.failed_breakout_enabled", false),
            ("position_config.exit_rules.max_hold_time_hours", 48));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var walletBefore = stack.WalletBalance;
        var symbol = InstrumentSymbol.Parse("ETHUSDT");
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.08m);
        await stack.PublishSignalAsync(signal);
        await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);

        var settled = await Eventually.WaitAsync(
            () => Task.FromResult(stack.Exchange.Transactions(symbol).Where(line => line.Type == "SETTLEMENT").ToList() is { Count: > 0 } lines ? lines : null),
            "a funding settlement on the venue");
        await Eventually.UntilAsync(
            async () =>
            {
                await using var database = stack.Database();
                return await database.FundingPayments.CountAsync(payment => payment.Symbol == "ETHUSDT" && payment.PositionId != null) >= settled.Count;
            },
            "the executor books the settlement");

        // Let a few more reconciliation rounds pass over the same lines: nothing is booked twice.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await using (var database = stack.Database())
        {
            var payments = await database.FundingPayments.AsNoTracking().Where(payment => payment.Symbol == "ETHUSDT").ToListAsync(TestContext.Current.CancellationToken);
            var positionsFunding = await database.Positions.AsNoTracking().Where(position => position.Symbol == "ETHUSDT").SumAsync(position => position.Funding, TestContext.Current.CancellationToken);
            var venueLines = stack.Exchange.Transactions(symbol).Where(line => line.Type == "SETTLEMENT").ToDictionary(line => line.Id);

            Assert.Equal(payments.Count, payments.Select(payment => payment.TransactionId).Distinct().Count());
            Assert.All(payments, payment => Assert.Equal(venueLines[payment.TransactionId].Funding, payment.Amount));
            Assert.All(payments, payment => Assert.NotNull(payment.PositionId));
            Assert.InRange(venueLines.Count - payments.Count, 0, 1);
            Assert.NotEqual(0m, positionsFunding);
            Assert.Equal(payments.Sum(payment => payment.Amount), positionsFunding);
        }

        await Eventually.UntilAsync(
            async () =>
            {
                await using var database = stack.Database();
                var realised = await database.Positions.AsNoTracking().Where(position => position.Origin != PositionOrigin.External).SumAsync(position => position.RealizedPnl, TestContext.Current.CancellationToken);
                return decimal.Round(stack.WalletBalance - walletBefore, 2) == decimal.Round(realised, 2);
            },
            "the books equal the wallet's change, funding included");
    }

    [Fact]
    public async Task OrdersWithoutALinkIdOnTheSymbol_ManagementGoesOn_ThePositionKeepsItsOrders()
    {
        await using var stack = await TradingStack.StartAsync(postgres, speed: 1);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: true);
        await Eventually.UntilAsync(() => Task.FromResult(executor.State == EngineState.Running), "the automatic start");
        var signal = await stack.LongSignalAsync("ETHUSDT", 0.02m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        var symbol = InstrumentSymbol.Parse("ETHUSDT");

        // Two orders placed by hand without an orderLinkId: Bybit reports both with an empty one.
        using (var http = new HttpClient { BaseAddress = stack.SimulatorAddress })
        {
            var account = new BybitPrivateClient(http, new BybitCredentials("sim-api-key", "sim-api-secret"), TimeProvider.System);
            var price = (await new BybitMarketClient(http, TimeProvider.System).GetTickersAsync(symbol, TestContext.Current.CancellationToken))[0].LastPrice;
            var far = Math.Floor(price * 0.5m);
            for (var i = 0; i < 2; i++)
            {
                await account.PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: false, 0.01m, "", LimitPrice: far), TestContext.Current.CancellationToken);
            }

            Assert.Equal(2, (await account.GetOpenOrdersAsync(symbol, TestContext.Current.CancellationToken)).Count(order => order.OrderLinkId.Length == 0));
        }

        await executor.Engine.ManageAsync(TestContext.Current.CancellationToken);
        await executor.Engine.ManageAsync(TestContext.Current.CancellationToken);

        await using var database = stack.Database();
        var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
        Assert.Equal(PositionRecordStatus.Open, position.Status);
        Assert.True(await database.Orders.AnyAsync(order => order.PositionId == positionId && order.Purpose == OrderPurpose.StopLoss && order.Status == OrderRecordStatus.Untriggered, TestContext.Current.CancellationToken), "the stop is still working");
        Assert.Equal(0, await database.Orders.CountAsync(order => order.PositionId == positionId && order.Status == OrderRecordStatus.Rejected, TestContext.Current.CancellationToken));
    }
}
