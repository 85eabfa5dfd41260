using System.Net.Http.Json;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Simulator.Streams;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>The venue's WebSocket connections are cut again and again while the executor trades on its private stream.</summary>
public sealed class ExecutorStreamFaultTests(LocalPostgresServer postgres)
{
    private const int MinimumCuts = 5;
    private const int MinimumJudged = 10;
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];
    private static readonly TimeSpan DropInterval = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan TradesTimeout = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task StreamsDroppedThroughoutTrades_NoDuplicateOrder_StopAlwaysResting_PnlEqualsWalletChange()
    {
        await using var stack = await TradingStack.StartAsync(postgres, faults: true);
        await using var executor = await stack.StartExecutorAsync("a", autoStart: false, "Executor:UsePrivateStream=true");

        // TP1 close by, so a stop move to breakeven happens under the drops too.
        await stack.StoreQuickTradesPresetAsync();
        Assert.True((await stack.SendCommandAsync(EngineCommandKind.Start)).Accepted);
        var walletBefore = stack.WalletBalance;

        var monitor = new ProtectionMonitor(stack);
        using var stopFaults = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var drops = DropStreamsAsync(stack.SimulatorAddress, stopFaults.Token);
        var watch = monitor.WatchAsync(SampleInterval, stopFaults.Token);
        try
        {
            foreach (var symbol in Symbols)
            {
                await stack.PublishSignalAsync(await stack.LongSignalAsync(symbol, 0.02m));
            }

            await ExecutorRiskTests.WaitForSignalsAsync(stack, Symbols.Length);
            await using (var database = stack.Database())
            {
                Assert.Equal(Symbols.Length, await database.Positions.CountAsync(TestContext.Current.CancellationToken));
            }

            await Eventually.UntilAsync(async () =>
            {
                await using var database = stack.Database();
                return await database.Trades.CountAsync() == Symbols.Length;
            }, "every trade to close", TradesTimeout);
        }
        finally
        {
            await stopFaults.CancelAsync();
        }

        var cuts = await drops;
        await watch;
        TestContext.Current.TestOutputHelper?.WriteLine($"drops: {string.Join(',', cuts)}; judged: {string.Join(", ", monitor.Judged)}; longest miss: {monitor.LongestMiss}");

        Assert.True(cuts.Count(cut => cut > 0) >= MinimumCuts, $"at least {MinimumCuts} drops cut a connection (cuts: {string.Join(',', cuts)})");
        Assert.True(monitor.Violations.Count == 0, string.Join(Environment.NewLine, monitor.Violations));

        // Not every position must be judged (a TP1 and breakeven exit can end one within a second), but the check ran.
        Assert.True(monitor.Judged.Values.Sum() >= MinimumJudged, $"open positions judged in at least {MinimumJudged} samples ({string.Join(", ", monitor.Judged)})");

        await using (var database = stack.Database())
        {
            var trades = await database.Trades.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            await stack.AssertBooksEqualWalletAsync(walletBefore);
            var orders = await database.Orders.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            var history = stack.Exchange.OrderHistory(null);

            // Each orderLinkId reached the venue once, and the venue holds no order the executor does not know.
            Assert.Equal(history.Count, history.Select(order => order.State.ClientOrderId).Distinct().Count());
            Assert.All(history, order => Assert.Contains(orders, known => known.OrderId == order.State.ClientOrderId.Value));

            // One position per symbol: what its entries filled on the venue is what the trade says it traded.
            foreach (var trade in trades)
            {
                var symbol = InstrumentSymbol.Parse(trade.Symbol);
                var entries = history.Where(order => order.State.Request.Symbol == symbol && !order.State.Request.ReduceOnly).ToList();
                Assert.All(entries, entry => Assert.Contains(orders, known => known.OrderId == entry.State.ClientOrderId.Value && known.Purpose == OrderPurpose.Entry && known.PositionId == trade.PositionId));
                Assert.Equal(trade.Quantity, entries.Sum(entry => entry.State.FilledQuantity));
            }
        }

        Assert.Equal(0, stack.VenueOpenPositions);
        Assert.Empty(stack.Exchange.OpenOrders(null));
    }

    /// <summary>Cuts every WebSocket connection of the venue each <see cref="DropInterval"/>; returns how many each drop cut.</summary>
    private static async Task<List<int>> DropStreamsAsync(Uri simulator, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = simulator };
        var cuts = new List<int>();
        while (true)
        {
            try
            {
                await Task.Delay(DropInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return cuts;
            }

            using var response = await http.PostAsync(new Uri("/sim/faults/ws-drop", UriKind.Relative), null, CancellationToken.None);
            response.EnsureSuccessStatusCode();
            cuts.Add((await response.Content.ReadFromJsonAsync<FaultResult>(CancellationToken.None))!.Affected);
        }
    }
}
