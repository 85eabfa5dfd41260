using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Tests;

/// <summary>
/// The reconciler on its own: a scripted venue's positions and executions against our books in a real database, without
/// an engine (refreshing and closing out our own positions are the engine's, tested with the running executor).
/// </summary>
public sealed class ReconcilerTests(LocalPostgresServer postgres)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVenuePositionWeDoNotKnow_IsRecordedExternal_ReportedOnceWhileItStays_AgainWhenItGrows_ClosedWhenItEnds()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        bench.Venue.Positions.Add(VenuePosition("SOLUSDT", 10m, 150m));

        Assert.Empty(await RoundAsync(bench));
        Assert.Empty(await RoundAsync(bench));
        var external = await SingleExternalAsync(bench);
        Assert.Equal((PositionRecordStatus.External, PositionOrigin.External, 10m, 150m), (external.Status, external.Origin, external.OpenQuantity, external.EntryPrice));
        Assert.Equal(1, await DriftCountAsync(bench, "external"));

        bench.Venue.Positions[0] = VenuePosition("SOLUSDT", 12m, 151m);
        await RoundAsync(bench);
        Assert.Equal(12m, (await SingleExternalAsync(bench)).OpenQuantity);
        Assert.Equal(2, await DriftCountAsync(bench, "external"));

        bench.Venue.Positions.Clear();
        await RoundAsync(bench);
        await using var reader = bench.NewContext();
        var ended = await reader.Positions.AsNoTracking().SingleAsync(row => row.PositionId == external.PositionId, Cancellation);
        Assert.Equal((PositionRecordStatus.Closed, 0m, "closed outside the executor"), (ended.Status, ended.OpenQuantity, ended.ExitReason));
        Assert.Equal(2, await reader.AuditLog.CountAsync(entry => entry.Action == "reconcile.external" && entry.Outcome == "flagged", Cancellation));
    }

    [Fact]
    public async Task OurPositionOfAnotherSize_IsReportedAndLeftAsItIs_OneTheVenueShowsFlatIsReturnedAsClosedOutside_AnOpeningOneIsNot()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var differs = TestPositions.Long("pdiffers", "BTCUSDT", PositionRecordStatus.Open, 0.5m);
        var gone = TestPositions.Long("pgone", "ETHUSDT", PositionRecordStatus.Closing, 2m);
        var opening = TestPositions.Long("popening", "XRPUSDT", PositionRecordStatus.Opening, 0m);
        bench.Database.Positions.AddRange(differs, gone, opening);
        await bench.Database.SaveChangesAsync(Cancellation);
        bench.Venue.Positions.Add(VenuePosition("BTCUSDT", 0.75m, 60_000m));

        var closedOutside = await RoundAsync(bench);

        Assert.Equal("pgone", Assert.Single(closedOutside).PositionId);
        await using var reader = bench.NewContext();
        var drift = await reader.Drifts.AsNoTracking().SingleAsync(row => row.Kind == "size", Cancellation);
        Assert.Equal(("pdiffers", 0.5m, 0.75m), (drift.PositionId, drift.OursQuantity, drift.VenueQuantity));
        Assert.Equal(0.5m, (await reader.Positions.AsNoTracking().SingleAsync(row => row.PositionId == "pdiffers", Cancellation)).OpenQuantity);
        Assert.False(await reader.Positions.AnyAsync(row => row.Status == PositionRecordStatus.External, Cancellation));
    }

    [Fact]
    public async Task OutsideExits_OnlyTheVenuesClosingExecutionsOfOtherOrdersSinceTheOpen_BookedOnce_UpToTheOpenQuantity()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var openedAt = bench.Clock.GetUtcNow();
        var position = TestPositions.Long("pout", "ETHUSDT", PositionRecordStatus.Open, 2m);
        position.OpenedAt = openedAt;
        bench.Database.Positions.Add(position);
        await bench.Database.SaveChangesAsync(Cancellation);
        bench.Venue.Executions.AddRange(
        [
            Execution("e-before", "manual-0", "", OrderSide.Sell, 100m, 1m, openedAt.AddMinutes(-1)),
            Execution("e-ours", "our-1", "pout-x1", OrderSide.Sell, 101m, 1m, openedAt.AddMinutes(1)),
            Execution("e-buy", "manual-1", "", OrderSide.Buy, 102m, 1m, openedAt.AddMinutes(2)),
            Execution("e-manual-a", "manual-2", "", OrderSide.Sell, 104m, 0.5m, openedAt.AddMinutes(3)),
            Execution("e-manual-b", "manual-2", "", OrderSide.Sell, 106m, 1m, openedAt.AddMinutes(4)),
            Execution("e-too-much", "manual-3", "", OrderSide.Sell, 108m, 5m, openedAt.AddMinutes(5)),
        ]);

        var booked = await bench.Reconciler.BookOutsideExitsAsync(bench.Database, position, "c", Cancellation);
        var again = await bench.Reconciler.BookOutsideExitsAsync(bench.Database, position, "c", Cancellation);

        Assert.Equal((2m, 0m, 0m), (booked, again, position.OpenQuantity));
        await using var reader = bench.NewContext();
        var fills = await reader.Fills.AsNoTracking().Where(fill => fill.PositionId == "pout").OrderBy(fill => fill.ExecutedAt).ToListAsync(Cancellation);
        Assert.Equal(["e-manual-a", "e-manual-b", "e-too-much"], fills.Select(fill => fill.ExecutionId));
        Assert.Equal([0.5m, 1m, 0.5m], fills.Select(fill => fill.Quantity));
        var manual = await reader.Orders.AsNoTracking().SingleAsync(order => order.OrderId == "vmanual-2", Cancellation);
        Assert.Equal((OrderPurpose.Exit, OrderRecordStatus.Filled, true, 1.5m), (manual.Purpose, manual.Status, manual.ReduceOnly, manual.FilledQuantity));
        Assert.Equal((104m * 0.5m + 106m * 1m) / 1.5m, manual.AveragePrice);
        Assert.Equal(3 * 0.01m, position.Fees);
    }

    private static async Task<IReadOnlyList<PositionRecord>> RoundAsync(RouterBench bench)
    {
        var closedOutside = await bench.Reconciler.CompareWithVenueAsync(bench.Database, Cancellation);
        await bench.Database.SaveChangesAsync(Cancellation);
        return closedOutside;
    }

    private static async Task<PositionRecord> SingleExternalAsync(RouterBench bench)
    {
        await using var reader = bench.NewContext();
        return await reader.Positions.AsNoTracking().SingleAsync(row => row.Origin == PositionOrigin.External, Cancellation);
    }

    private static async Task<int> DriftCountAsync(RouterBench bench, string kind)
    {
        await using var reader = bench.NewContext();
        return await reader.Drifts.CountAsync(row => row.Kind == kind, Cancellation);
    }

    private static VenuePosition VenuePosition(string symbol, decimal size, decimal price) =>
        new(InstrumentSymbol.Parse(symbol), PositionDirection.Long, size, price, 0m);

    private static VenueExecution Execution(string id, string orderId, string linkId, OrderSide side, decimal price, decimal quantity, DateTimeOffset at) =>
        new(id, orderId, linkId, InstrumentSymbol.Parse("ETHUSDT"), side, price, quantity, 0.01m, null, IsMaker: false, "Trade", at);
}
