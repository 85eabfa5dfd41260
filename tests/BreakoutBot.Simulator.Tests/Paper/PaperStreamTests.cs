using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Simulator.Tests.Streams;
using static BreakoutBot.Simulator.Tests.Streams.StreamTestKit;

namespace BreakoutBot.Simulator.Tests.Paper;

/// <summary>The Paper simulator's relayed stream while the upstream's market moves (a bar closes every half second).</summary>
public sealed class PaperStreamTests(MovingPaperVenue venue) : IClassFixture<MovingPaperVenue>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderBook_UpstreamMoves_RelayedDeltasRebuildTheUpstreamsBookAtEachSeqWithoutResync()
    {
        var btc = InstrumentSymbol.Parse("BTCUSDT");
        using var probe = new CounterProbe();
        await using var upstream = PaperVenueBase.Stream(venue.UpstreamAddress, probe.Metrics);
        await using var paper = PaperVenueBase.Stream(venue.PaperAddress, probe.Metrics);
        await upstream.SubscribeOrderBookAsync(btc, 50, Cancellation);
        await paper.SubscribeOrderBookAsync(btc, 50, Cancellation);

        var relayed = new Dictionary<long, OrderBookSnapshot>();
        while (relayed.Count < 4)
        {
            var changed = await WaitForAsync<OrderBookChanged>(paper.Events);
            relayed[changed.Book.Sequence] = changed.Book;
        }

        var direct = new Dictionary<long, OrderBookSnapshot>();
        while (!direct.ContainsKey(relayed.Keys.Max()))
        {
            var changed = await WaitForAsync<OrderBookChanged>(upstream.Events);
            direct[changed.Book.Sequence] = changed.Book;
        }

        var common = relayed.Keys.Intersect(direct.Keys).ToList();
        Assert.NotEmpty(common);
        Assert.All(common, seq =>
        {
            Assert.Equal(direct[seq].Bids, relayed[seq].Bids);
            Assert.Equal(direct[seq].Asks, relayed[seq].Asks);
        });
        Assert.All(relayed.Values, book => Assert.False(book.IsCrossed));
        Assert.Equal(0, probe.Sum("bybit.ws.orderbook_resyncs"));
    }
}
