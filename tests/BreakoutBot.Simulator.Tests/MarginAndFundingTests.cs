using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Simulator.Tests;

/// <summary>Initial margin, liquidation and funding on the simulated venue, over a real socket, each on an account of its own.</summary>
public sealed class MarginAndFundingTests
{
    private const int Seed = 17;
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarketOrder_InitialMarginAboveTheBalance_Refused110007_ThenFitsWithMoreLeverage()
    {
        await using var venue = await Venue.StartAsync("--Simulator:StartingBalance=1000");
        var btc = InstrumentSymbol.Parse("BTCUSDT");

        // 0.5 BTC is about 30,000 USDT: 3,000 of margin at the default 10×, more than the 1,000 in the wallet.
        var refusal = await Assert.ThrowsAsync<BybitApiException>(
            () => venue.Client.PlaceOrderOnceAsync(new OrderPlacement(btc, OrderSide.Buy, IsMarket: true, 0.5m, "margin-1"), Cancellation));
        var walletAfterRefusal = (await venue.Client.GetWalletBalanceAsync(Cancellation)).Wallet;
        await venue.Client.SetLeverageAsync(btc, 100m, Cancellation);
        var filled = await venue.Client.PlaceOrderOnceAsync(new OrderPlacement(btc, OrderSide.Buy, IsMarket: true, 0.1m, "margin-2"), Cancellation);

        Assert.Equal(110007, refusal.RetCode);
        Assert.Null(await venue.Client.GetOrderAsync(btc, "margin-1", Cancellation));
        Assert.Equal(1000m, walletAfterRefusal);
        Assert.Equal("Filled", filled.Status);
    }

    [Fact]
    public async Task Position_EquityFallsBelowMaintenance_LiquidatedByTheVenueWithBustTradeAndLogLines()
    {
        await using var venue = await Venue.StartAsync("--Simulator:StartingBalance=200", "--Simulator:Speed=600");
        var btc = InstrumentSymbol.Parse("BTCUSDT");

        // Go the way the seeded market will hurt most over the next bars (the test may look ahead; clients cannot).
        var side = AdverseSide(venue, btc);
        await venue.Client.SetLeverageAsync(btc, 100m, Cancellation);
        var price = (await venue.Market.GetTickersAsync(btc, Cancellation))[0].LastPrice;
        var instrument = venue.Feed.InstrumentOf(btc);
        var quantity = instrument.FloorQuantityToStep(200m * 0.9m * 100m / price);
        await venue.Client.PlaceOrderOnceAsync(new OrderPlacement(btc, side, IsMarket: true, quantity, "liq-entry"), Cancellation);

        var liquidation = await Rest.Until.ValueAsync(
            async () => (await venue.Client.GetExecutionsAsync(btc, cancellationToken: Cancellation)).Items.FirstOrDefault(execution => execution.ExecutionType == "BustTrade"),
            TimeSpan.FromSeconds(90));
        var log = (await venue.Client.GetTransactionLogAsync(cancellationToken: Cancellation)).Items;
        var wallet = (await venue.Client.GetWalletBalanceAsync(Cancellation)).Wallet;

        Assert.Null(await venue.Client.GetPositionAsync(btc, Cancellation));
        Assert.Equal(quantity, liquidation.Quantity);
        Assert.Equal("", liquidation.OrderLinkId);
        Assert.Contains(log, line => line.Type == "LIQUIDATION" && line.Change < 0);
        Assert.Equal(200m + log.Sum(line => line.Change), wallet);
        Assert.Equal(wallet, log[0].CashBalance);
    }

    [Fact]
    public async Task OpenPosition_FundingTimePasses_SettledIntoTheWalletAndTheLog()
    {
        await using var venue = await Venue.StartAsync("--Simulator:FundingIntervalHours=1", "--Simulator:Speed=600");
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        await venue.Client.PlaceOrderOnceAsync(new OrderPlacement(eth, OrderSide.Sell, IsMarket: true, 1m, "funding-entry"), Cancellation);
        var walletAfterEntry = (await venue.Client.GetWalletBalanceAsync(Cancellation)).Wallet;

        // An hour of simulated time is six seconds of ours.
        var settlements = await Rest.Until.ValueAsync(
            async () => (await venue.Client.GetTransactionLogAsync("SETTLEMENT", cancellationToken: Cancellation)).Items is { Count: > 0 } items ? items : null,
            TimeSpan.FromSeconds(60));
        var settlement = settlements[0];
        var history = await venue.Http.GetStringAsync(new Uri("/v5/market/funding/history?category=linear&symbol=ETHUSDT", UriKind.Relative), Cancellation);

        Assert.Equal(eth, settlement.Symbol);
        Assert.Equal(settlement.Funding, settlement.Change);
        Assert.NotEqual(0m, settlement.Funding);
        // Another hour may have settled by the time the log is read (six seconds of ours): the newest line's cash
        // balance is the wallet after every settlement listed.
        Assert.Equal(walletAfterEntry + settlements.Sum(line => line.Funding), settlement.CashBalance);
        Assert.Equal(0, settlement.Time.ToUnixTimeMilliseconds() % 3_600_000);
        Assert.Contains("fundingRateTimestamp", history, StringComparison.Ordinal);
        await venue.Client.PlaceOrderOnceAsync(new OrderPlacement(eth, OrderSide.Buy, IsMarket: true, 1m, "funding-exit", ReduceOnly: true), Cancellation);
    }

    [Fact]
    public async Task MarketOrder_BookDeeperThanThePriceBand_FillsWithinTheBandAndTheRestIsCancelled()
    {
        // A band of 0.1 % of mark; the synthetic book is 50 levels 1 bp apart, so a large order would walk past it.
        await using var venue = await Venue.StartAsync("--Simulator:MarketPriceBand=0.001", "--Simulator:StartingBalance=1000000");
        var eth = InstrumentSymbol.Parse("ETHUSDT");
        await venue.Client.SetLeverageAsync(eth, 100m, Cancellation);
        var mark = (await venue.Market.GetTickersAsync(eth, Cancellation))[0].MarkPrice;
        var book = await venue.Market.GetOrderBookAsync(eth, 50, Cancellation);
        // The first 20 levels reach about 20 bp over the touch, twice the band (and stay under the market-order maximum).
        var instrument = venue.Feed.InstrumentOf(eth);
        var quantity = Math.Min(instrument.FloorQuantityToStep(book.Asks.Take(20).Sum(level => level.Quantity)), instrument.MaxMarketOrderQty);

        var order = await venue.Client.PlaceOrderOnceAsync(new OrderPlacement(eth, OrderSide.Buy, IsMarket: true, quantity, "band-1"), Cancellation);
        var fills = (await venue.Client.GetExecutionsAsync(eth, cancellationToken: Cancellation)).Items.Where(execution => execution.OrderLinkId == "band-1").ToList();

        // The market runs on while the order is sent (faster than real time, slower still under load): the band is the
        // mark's when the order matched, somewhere between the mark read before and the one read after.
        var markAfter = (await venue.Market.GetTickersAsync(eth, Cancellation))[0].MarkPrice;
        var highestMark = Math.Max(mark, markAfter);
        Assert.Equal("Cancelled", order.Status);
        Assert.InRange(order.FilledQuantity, 0.01m, quantity - 0.01m);
        Assert.All(fills, fill => Assert.True(fill.Price <= highestMark * 1.0011m, $"filled at {fill.Price}, beyond 0.1 % over the mark {mark} (after: {markAfter})"));
    }

    /// <summary>The side that the next 60 bars of the seeded market move furthest against, from the price now.</summary>
    private static OrderSide AdverseSide(Venue venue, InstrumentSymbol symbol)
    {
        var closed = venue.Feed.ClosedBars(symbol);
        var market = new SyntheticMarket(Seed, closed[0].OpenTime, [.. SyntheticUniverse.Default.Take(32)]);
        var index = SyntheticUniverse.Default.Select(candidate => candidate.Symbol).ToList().IndexOf(symbol);
        var ahead = new List<Candle>();
        for (var bar = 0; bar < closed.Count + 60; bar++)
        {
            var next = market.NextBars()[index];
            if (bar >= closed.Count)
            {
                ahead.Add(next);
            }
        }

        var price = venue.Feed.Moment(symbol).LastPrice;
        return price - ahead.Min(bar => bar.Low) > ahead.Max(bar => bar.High) - price ? OrderSide.Buy : OrderSide.Sell;
    }

    private sealed class Venue : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public HttpClient Http { get; private set; } = null!;

        public BybitPrivateClient Client { get; private set; } = null!;

        public BybitMarketClient Market { get; private set; } = null!;

        public SimulatedMarketFeed Feed => _app.Services.GetRequiredService<SimulatedMarketFeed>();

        public static async Task<Venue> StartAsync(params string[] settings)
        {
            var venue = new Venue();
            (venue._app, var address) = await RunningSimulator.StartWithAsync(["--Simulator:Speed=60", "--Simulator:HistoryBars=400", $"--Simulator:Seed={Seed}", .. settings]);
            venue.Http = new HttpClient { BaseAddress = address };
            venue.Client = new BybitPrivateClient(venue.Http, SimAccount, TimeProvider.System);
            venue.Market = new BybitMarketClient(venue.Http, TimeProvider.System);
            return venue;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await RunningSimulator.StopAsync(_app);
        }
    }
}
