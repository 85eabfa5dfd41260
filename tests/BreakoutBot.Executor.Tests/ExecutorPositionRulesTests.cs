using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Simulator.Faults;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// The preset's position rules as the executor applies them on the venue (real PostgreSQL, Redis and the simulator):
/// smart take-profit placement and adding to a winner.
/// </summary>
public sealed class ExecutorPositionRulesTests(LocalPostgresServer postgres)
{
    private static readonly TimeSpan TradeTimeout = TimeSpan.FromSeconds(120);

    /// <summary>BTCUSDT's round-number step for the smart rung: a multiple of it is always within the adjustment budget.</summary>
    private const decimal RoundStep = 10m;

    [Fact]
    public async Task SmartTakeProfit_RungMovesOntoARoundNumber_FixedRungStays_AlsoWhenTheBarsCannotBeRead()
    {
        await using var stack = await TradingStack.StartAsync(postgres, faults: true);
        await using var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(
            ("position_config.tp_levels.0.placement_mode", "smart"),
            ("position_config.tp_levels.1.placement_mode", "fixed"),
            ("position_config.tp_smart_placement.enabled", true),
            ("position_config.tp_smart_placement.prefer_round_numbers", true),
            ("position_config.tp_smart_placement.round_number_step", RoundStep),
            ("position_config.tp_smart_placement.avoid_sr_levels", false),
            ("position_config.tp_smart_placement.avoid_density_zones", false),
            ("position_config.tp_smart_placement.max_adjustment_bps", 20m),
            ("execution_config.enable_twap", false),
            ("execution_config.enable_iceberg", false));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);

        await AssertLadderAsync(stack, "BTCUSDT");

        // The bars for the S/R levels cannot be read: the ladder is placed all the same, the smart rung on its round number.
        stack.Faults.Apply(new FaultSettings { PathPrefix = "/v5/market/kline", ServerErrorShare = 1 });
        var failedReadsBefore = stack.Faults.Counters.ServerErrors;
        await AssertLadderAsync(stack, "BTCUSDT");
        Assert.True(stack.Faults.Counters.ServerErrors > failedReadsBefore, "the bar reads failed");
        stack.Faults.Apply(FaultSettings.None);
    }

    [Fact]
    public async Task AddOn_WinnerIsAddedToOnce_WithinTheFirstRisk_StopCoversTheWholePosition_PnlEqualsWalletChange()
    {
        await using var stack = await TradingStack.StartAsync(postgres);
        await using var executor = await stack.StartExecutorAsync("a");

        // Breakeven just below the add-on's 0.5 R (0.45 R, no buffer) frees the risk an add-on needs, and a position that
        // reached it usually goes on to 0.5 R; far targets and no early exits keep the position open for its hour. A try
        // that misses closes at breakeven less fees, a small loss: the loss limits are raised so eight of them in a row
        // do not trip the kill switch (five did, at the default max_consecutive_losses).
        const decimal addOnMaxSizePct = 0.5m;
        await stack.StorePresetAsync(
            ("position_config.add_on_enabled", true),
            ("position_config.add_on_max_size_pct", addOnMaxSizePct),
            ("position_config.tp_levels.0.reward_multiple", 6m),
            ("position_config.tp_levels.1.reward_multiple", 9m),
            ("position_config.breakeven_enabled", true),
            ("position_config.breakeven_trigger_r", 0.45m),
            ("risk.max_consecutive_losses", 20),
            ("risk.daily_risk_limit", 0.5m),
            ("risk.kill_switch_loss_limit", 0.5m),
            ("position_config.breakeven_buffer_bps", 0m),
            ("position_config.trailing_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false),
            ("position_config.exit_rules.failed_breakout_enabled", false),
            ("position_config.exit_rules.max_hold_time_hours", 1),
            ("execution_config.enable_twap", false),
            ("execution_config.enable_iceberg", false));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var walletBefore = stack.WalletBalance;

        // A random walk reaches +0.5 R near its EMA within the hour more often than not; another symbol is tried if not
        // (every symbol of the simulated market, twice: under load eight tries have all missed).
        (TradeRecord Trade, PositionRecord Position, List<OrderRecord> Orders, List<FillRecord> Fills)? added = null;
        string[] symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "AVAXUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT"];
        foreach (var symbol in symbols.Concat(symbols))
        {
            var signal = await stack.LongSignalAsync(symbol, 0.005m);
            await stack.PublishSignalAsync(signal);
            var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
            var trade = await Eventually.WaitAsync(async () =>
            {
                await using var database = stack.Database();
                return await database.Trades.AsNoTracking().SingleOrDefaultAsync(row => row.PositionId == positionId);
            }, "the trade", TradeTimeout);
            await using var db = stack.Database();
            var orders = await db.Orders.AsNoTracking().Where(order => order.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken);
            if (orders.Any(order => order.Purpose == OrderPurpose.AddOn))
            {
                var position = await db.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
                var fills = await db.Fills.AsNoTracking().Where(fill => fill.PositionId == positionId).ToListAsync(TestContext.Current.CancellationToken);
                added = (trade, position, orders, fills);
                break;
            }
        }

        Assert.True(added is not null, "no position was added to in sixteen tries");
        var (addedTrade, addedPosition, addedOrders, addedFills) = added.Value;
        var addOn = Assert.Single(addedOrders, order => order.Purpose == OrderPurpose.AddOn);
        Assert.EndsWith("-a1", addOn.OrderId, StringComparison.Ordinal);
        Assert.Equal(OrderRecordStatus.Filled, addOn.Status);
        Assert.False(addOn.ReduceOnly);
        Assert.True(addOn.FilledQuantity > 0);
        Assert.True(addOn.FilledQuantity <= addOnMaxSizePct * addedPosition.OriginalQuantity, "at most add_on_max_size_pct of the open quantity");
        Assert.Equal(addedPosition.OriginalQuantity + addOn.FilledQuantity, addedTrade.Quantity);

        // The stop placed after the add covers what was open then: the entry and the add, less the take-profits filled
        // before it (fill times are the venue's clock, order times the executor's).
        var addOnFilledAt = addedFills.Where(fill => fill.OrderId == addOn.OrderId).Max(fill => fill.ExecutedAt);
        var takenBefore = addedFills
            .Where(fill => fill.ExecutedAt <= addOnFilledAt && addedOrders.Any(order => order.OrderId == fill.OrderId && order.Purpose == OrderPurpose.TakeProfit))
            .Sum(fill => fill.Quantity);
        var stopAfter = addedOrders.Where(order => order.Purpose == OrderPurpose.StopLoss && order.OrderType == OrderStyle.Stop && order.CreatedAt > addOn.CreatedAt).MinBy(order => order.CreatedAt);
        Assert.NotNull(stopAfter);
        Assert.Equal(addedPosition.OriginalQuantity + addOn.FilledQuantity - takenBefore, stopAfter.Quantity);

        // R stays measured against the first entry's risk, so the add cannot make the trade's 1 R larger.
        Assert.Equal(Math.Abs(addedPosition.InitialStop - FirstEntryPrice(addedOrders, addedFills)) * addedPosition.OriginalQuantity, addedTrade.InitialRisk);
        await stack.AssertBooksEqualWalletAsync(walletBefore);
        Assert.Equal(0, stack.VenueOpenPositions);
    }

    [Fact]
    public async Task BarsClosedWhileNoExecutorRan_EachAppliedOnceAfterTheRestart()
    {
        // 5-minute bars, one per second of the test (speed 300); nothing in the preset may close the position early.
        await using var stack = await TradingStack.StartAsync(postgres);
        var executor = await stack.StartExecutorAsync("a");
        await stack.StorePresetAsync(
            ("position_config.tp_levels.0.reward_multiple", 6m),
            ("position_config.tp_levels.1.reward_multiple", 9m),
            ("position_config.breakeven_enabled", false),
            ("position_config.trailing_enabled", false),
            ("position_config.exit_rules.weak_impulse_enabled", false),
            ("position_config.exit_rules.failed_breakout_enabled", false),
            ("position_config.exit_rules.max_hold_time_hours", 48),
            ("execution_config.enable_twap", false),
            ("execution_config.enable_iceberg", false));
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var positionId = await OpenLongAsync(stack, "BTCUSDT", 0.2m);
        await Eventually.UntilAsync(async () => (await PositionAsync(stack, positionId)).BarsHeld >= 2, "two bars applied");

        await executor.StopAsync();
        var stopped = await PositionAsync(stack, positionId);
        var lastApplied = stopped.LastBarOpen!.Value;
        await Task.Delay(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var missed = await ClosedBarsAfterAsync(stack, stopped.Symbol, lastApplied);
        Assert.True(missed >= 10, $"{missed} bars closed while no executor ran");
        await using var restarted = await stack.StartExecutorAsync("a");

        // Caught up: every bar closed after the last one applied before the stop is applied once (but the one or two
        // closing as this reads), and none twice.
        await Eventually.UntilAsync(async () =>
        {
            var closedBefore = await ClosedBarsAfterAsync(stack, stopped.Symbol, lastApplied);
            var position = await PositionAsync(stack, positionId);
            var closedAfter = await ClosedBarsAfterAsync(stack, stopped.Symbol, lastApplied);
            var applied = position.BarsHeld - stopped.BarsHeld;
            Assert.True(applied <= closedAfter, $"{applied} bars applied after the restart, only {closedAfter} closed after the last one applied before it");
            return position.Status == PositionRecordStatus.Open && applied >= closedBefore - 2;
        }, "the bars closed while no executor ran to be applied");
    }

    /// <summary>
    /// A long on <paramref name="symbol"/> from a signal at the current ask, open. A bar passes every second here, so a
    /// signal the executor reads late may meet a price already too far from its level and be rejected: then another.
    /// </summary>
    private static async Task<string> OpenLongAsync(TradingStack stack, string symbol, decimal stopFraction)
    {
        var decisions = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var signal = await stack.LongSignalAsync(symbol, stopFraction);
            await stack.PublishSignalAsync(signal);
            var decided = await Eventually.WaitAsync(async () =>
            {
                await using var database = stack.Database();
                return await database.Signals.AsNoTracking().SingleOrDefaultAsync(row => row.SignalId == signal.SignalId);
            }, "the signal's decision");
            if (decided.Outcome == SignalOutcome.Approved)
            {
                return await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
            }

            decisions.Add($"{decided.Outcome}: {decided.Reason}");
        }

        Assert.Fail("no signal was approved: " + string.Join("; ", decisions));
        return "";
    }

    private static async Task<PositionRecord> PositionAsync(TradingStack stack, string positionId)
    {
        await using var database = stack.Database();
        return await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId);
    }

    /// <summary>
    /// The 5-minute bars closed on the venue after the one opening at <paramref name="after"/>, read from its klines: the
    /// simulator's market runs on its simulated clock, its server time on the real one.
    /// </summary>
    private static async Task<int> ClosedBarsAfterAsync(TradingStack stack, string symbol, DateTimeOffset after)
    {
        using var http = new HttpClient { BaseAddress = stack.SimulatorAddress };
        var bars = await new BybitMarketClient(http, TimeProvider.System).GetKlinesAsync(
            InstrumentSymbol.Parse(symbol), CandleInterval.FiveMinutes, 200, TestContext.Current.CancellationToken);
        return bars.Count(bar => bar.IsClosed && bar.OpenTime > after);
    }

    /// <summary>Opens a long on <paramref name="symbol"/> and checks its take-profit orders: rung 1 smart, rung 2 fixed.</summary>
    private static async Task AssertLadderAsync(TradingStack stack, string symbol)
    {
        var signal = await stack.LongSignalAsync(symbol, 0.01m);
        await stack.PublishSignalAsync(signal);
        var positionId = await ExecutorRiskTests.WaitForOpenPositionAsync(stack, signal.SignalId);
        await using var database = stack.Database();
        var position = await database.Positions.AsNoTracking().SingleAsync(row => row.PositionId == positionId, TestContext.Current.CancellationToken);
        var targets = await database.Orders.AsNoTracking()
            .Where(order => order.PositionId == positionId && order.Purpose == OrderPurpose.TakeProfit)
            .ToListAsync(TestContext.Current.CancellationToken);
        var tick = SyntheticUniverse.Default.Single(candidate => candidate.Symbol.Value == symbol).TickSize;
        var risk = position.EntryPrice - position.InitialStop;

        // Fixed prices are rounded to the tick towards the entry; the smart rung then steps down onto the round number.
        var smart = Assert.Single(targets, order => order.OrderId.EndsWith("-t1", StringComparison.Ordinal));
        var smartFixed = Math.Floor((position.EntryPrice + (1.5m * risk)) / tick) * tick;
        Assert.Equal(0m, smart.Price!.Value % RoundStep);
        Assert.InRange(smart.Price.Value, smartFixed - RoundStep, smartFixed);

        var fixedRung = Assert.Single(targets, order => order.OrderId.EndsWith("-t2", StringComparison.Ordinal));
        var fixedPrice = Math.Floor((position.EntryPrice + (2.8m * risk)) / tick) * tick;
        Assert.InRange(fixedRung.Price!.Value, fixedPrice - tick, fixedPrice);

        Assert.True((await stack.SendCommandAsync(EngineCommandKind.ClosePosition, positionId)).Accepted);
        await Eventually.UntilAsync(async () =>
        {
            await using var db = stack.Database();
            return await db.Trades.AnyAsync(row => row.PositionId == positionId);
        }, "the closed trade");
    }

    private static decimal FirstEntryPrice(List<OrderRecord> orders, List<FillRecord> fills)
    {
        var entryFills = fills.Where(fill => orders.Any(order => order.OrderId == fill.OrderId && order.Purpose == OrderPurpose.Entry)).ToList();
        return entryFills.Sum(fill => fill.Price * fill.Quantity) / entryFills.Sum(fill => fill.Quantity);
    }
}
