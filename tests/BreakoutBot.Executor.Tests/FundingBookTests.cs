using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Tests.Infrastructure;
using BreakoutBot.Executor.Trading;
using BreakoutBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BreakoutBot.Executor.Tests;

/// <summary>Funding settlements booked on our positions, against a scripted venue and a real database, without an engine.</summary>
public sealed class FundingBookTests(LocalPostgresServer postgres)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Settlements_BookedOnTheOpenPosition_ElseOnTheLastClosedOneAndItsTrade_ElseWithoutAPosition_EachOnce()
    {
        await using var bench = await RouterBench.StartAsync(postgres);
        var at = bench.Clock.GetUtcNow();
        var open = TestPositions.Long("popen", "ETHUSDT", PositionRecordStatus.Open);
        var olderClosed = TestPositions.Long("pold", "BTCUSDT", PositionRecordStatus.Closed, closedAt: at.AddHours(-5));
        var lastClosed = TestPositions.Long("plast", "BTCUSDT", PositionRecordStatus.Closed, closedAt: at.AddHours(-1));
        var external = TestPositions.Long("xext", "SOLUSDT", PositionRecordStatus.External, origin: PositionOrigin.External);
        bench.Database.Positions.AddRange(open, olderClosed, lastClosed, external);
        bench.Database.Trades.Add(new TradeRecord
        {
            TradeId = "tlast", PositionId = "plast", Symbol = "BTCUSDT", Direction = PositionDirection.Long, EntryPrice = 100m, ExitPrice = 101m,
            Quantity = 1m, RealizedPnl = 10m, ExitReason = "TakeProfit", OpenedAt = at.AddHours(-3), ClosedAt = at.AddHours(-1),
        });
        await bench.Database.SaveChangesAsync(Cancellation);
        bench.Venue.Funding.AddRange(
        [
            Settlement("f1", "ETHUSDT", -1.25m, at),
            Settlement("f2", "BTCUSDT", 0.5m, at.AddMinutes(1)),
            Settlement("f3", "SOLUSDT", -2m, at.AddMinutes(2)),
            Settlement("f4", "XRPUSDT", 0.75m, at.AddMinutes(3)),
        ]);
        var book = new FundingBook(bench.Venue, NullLogger<FundingBook>.Instance);

        await book.BookAsync(bench.Database, [open, external], Cancellation);
        await book.BookAsync(bench.Database, [open, external], Cancellation);

        await using var reader = bench.NewContext();
        var positions = await reader.Positions.AsNoTracking().ToDictionaryAsync(row => row.PositionId, Cancellation);
        Assert.Equal((-1.25m, -1.25m), (positions["popen"].Funding, positions["popen"].RealizedPnl));
        Assert.Equal((0.5m, 0.5m), (positions["plast"].Funding, positions["plast"].RealizedPnl));
        Assert.Equal(0m, positions["pold"].Funding);
        Assert.Equal(0m, positions["xext"].Funding);
        var trade = await reader.Trades.AsNoTracking().SingleAsync(row => row.TradeId == "tlast", Cancellation);
        Assert.Equal((0.5m, 10.5m), (trade.Funding, trade.RealizedPnl));
        var payments = await reader.FundingPayments.AsNoTracking().OrderBy(row => row.TransactionId).ToListAsync(Cancellation);
        Assert.Equal(
            [("f1", "popen", -1.25m), ("f2", "plast", 0.5m), ("f3", null, -2m), ("f4", null, 0.75m)],
            payments.Select(payment => (payment.TransactionId, payment.PositionId, payment.Amount)));
    }

    private static VenueTransaction Settlement(string id, string symbol, decimal funding, DateTimeOffset at) =>
        new(id, InstrumentSymbol.Parse(symbol), "SETTLEMENT", funding, 0m, 0m, funding, 10_000m, at, "");
}
