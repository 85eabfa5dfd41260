using BreakoutBot.Bybit;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Simulator.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Simulator.Tests.Rest;

/// <summary>
/// The client's resilience against the simulator's injected faults over a real socket. Tests of this class run one
/// after another (faults are per simulator) and each leaves the faults cleared.
/// </summary>
public sealed class ResilienceTests(VenueSimulator venue) : IClassFixture<VenueSimulator>, IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await venue.ClearFaultsAsync();

    [Theory]
    [InlineData(LostAckMode.ServerError, "ETHUSDT")]
    [InlineData(LostAckMode.Abort, "SOLUSDT")]
    public async Task PlaceOrderOnce_AckLostAfterBooking_ExactlyOneOrderOnTheVenue(LostAckMode mode, string symbolText)
    {
        var symbol = InstrumentSymbol.Parse(symbolText);
        await venue.SetFaultsAsync(new FaultSettings { LoseOrderAcks = 1, LostAckMode = mode });

        var order = await venue.PrivateClient().PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, 1m, $"lost-ack-{mode}"), Cancellation);

        Assert.Equal(1, venue.FaultCounters.AcksLost);
        Assert.Equal(("Filled", 1m), (order.Status, order.FilledQuantity));
        Assert.Single(venue.Exchange.OrderHistory(symbol));
        Assert.Equal(1m, venue.Exchange.ReadAccount(ledger => ledger.PositionOf(symbol)!.Quantity));
    }

    [Fact]
    public async Task PlaceOrderOnce_CreateRefusedWith5xxBeforeTheVenue_LooksUpThenPlacesOnce()
    {
        var symbol = InstrumentSymbol.Parse("LINKUSDT");
        await venue.SetFaultsAsync(new FaultSettings { PathPrefix = "/v5/order/create", ServerErrorNext = 1 });

        var order = await venue.PrivateClient().PlaceOrderOnceAsync(new OrderPlacement(symbol, OrderSide.Sell, IsMarket: true, 2m, "create-5xx-1"), Cancellation);

        Assert.Equal(1, venue.FaultCounters.ServerErrors);
        Assert.Equal("Filled", order.Status);
        Assert.Single(venue.Exchange.OrderHistory(symbol));
    }

    [Fact]
    public async Task AnswerDelay_OrderBookedWhileItsAnswerIsHeld_ThenTheAnswerArrivesIntact()
    {
        var symbol = InstrumentSymbol.Parse("DOGEUSDT");
        await venue.SetFaultsAsync(new FaultSettings { PathPrefix = "/v5/order/create", AnswerDelayMs = 3_000 });

        var placing = venue.PrivateClient().PlaceOrderAsync(new OrderPlacement(symbol, OrderSide.Buy, IsMarket: true, 100m, "held-answer-1"), Cancellation);
        while (venue.Exchange.OrderHistory(symbol).Count == 0)
        {
            await Task.Delay(20, Cancellation);
        }

        Assert.False(placing.IsCompleted, "the venue booked the order before it answered");
        var booked = Assert.Single(venue.Exchange.OrderHistory(symbol));
        Assert.Equal(booked.State.OrderId, await placing);
        Assert.Equal(1, venue.FaultCounters.Delayed);
    }

    [Fact]
    public async Task RateLimitBurst_10006ThreeTimes_ClientWaitsUntilEachAnnouncedResetAndSucceeds()
    {
        await venue.SetFaultsAsync(new FaultSettings { PathPrefix = "/v5/account/wallet-balance", RateLimitNext = 3, RateLimitResetMs = 300 });
        var clock = new RecordingClock();

        var balance = await venue.PrivateClient(clock).GetWalletBalanceAsync(Cancellation);

        Assert.True(balance.Wallet > 0);
        Assert.Equal(3, venue.FaultCounters.RateLimited);
        Assert.Equal(4, venue.FaultCounters.Requests);
        Assert.Equal(3, clock.Waits.Count(wait => wait == TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task RealLimit_BurstOverFivePerSecondOnFeeRate_EveryCallSucceedsAfterWaiting()
    {
        var clock = new RecordingClock();
        var client = venue.PrivateClient(clock, new BybitOptions { BaseUrl = venue.BaseAddress.ToString(), MaxRetryAttempts = 8, RetrySeed = 3 });

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetFeeRatesAsync(InstrumentSymbol.Parse("BTCUSDT"), Cancellation)));

        Assert.All(results, rates => Assert.Single(rates));
        Assert.NotEmpty(clock.Waits);
        Assert.All(clock.Waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ServerErrors_TwoInARow_BacksOffAndSucceeds()
    {
        await venue.SetFaultsAsync(new FaultSettings { PathPrefix = "/v5/position/list", ServerErrorNext = 2, ServerErrorStatus = 503 });
        var clock = new RecordingClock();

        var positions = await venue.PrivateClient(clock).GetPositionsAsync(Cancellation);

        Assert.NotNull(positions);
        Assert.Equal(2, venue.FaultCounters.ServerErrors);
        Assert.Equal(2, clock.Waits.Count);
    }

    [Fact]
    public async Task SharedFaults_SameSeed_SameRequestsFail()
    {
        async Task<FaultCounters> Run()
        {
            await venue.SetFaultsAsync(new FaultSettings { Seed = 99, PathPrefix = "/v5/market/time", ServerErrorShare = 0.3 });
            using var http = new HttpClient { BaseAddress = venue.BaseAddress };
            var failures = 0;
            for (var i = 0; i < 20; i++)
            {
                using var response = await http.GetAsync(new Uri("/v5/market/time", UriKind.Relative), Cancellation);
                failures += response.IsSuccessStatusCode ? 0 : 1;
            }

            Assert.Equal(failures, venue.FaultCounters.ServerErrors);
            return venue.FaultCounters;
        }

        var first = await Run();
        var second = await Run();

        Assert.Equal(first, second);
        Assert.InRange(first.ServerErrors, 1, 19);
    }

    [Fact]
    public async Task AddBybitClient_AgainstTheSimulator_RetriesThroughTheRegisteredHandlers()
    {
        await venue.SetFaultsAsync(new FaultSettings { PathPrefix = "/v5/account/", RateLimitNext = 1, RateLimitResetMs = 50, ServerErrorNext = 1 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bybit:BaseUrl"] = venue.BaseAddress.ToString(),
            ["Bybit:ApiKey"] = VenueSimulator.Account.ApiKey,
            ["Bybit:ApiSecret"] = VenueSimulator.Account.ApiSecret,
            ["Bybit:RetrySeed"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBybitClient(configuration);
        await using var provider = services.BuildServiceProvider();

        var balance = await provider.GetRequiredService<BybitPrivateClient>().GetWalletBalanceAsync(Cancellation);

        Assert.True(balance.Equity > 0);
        Assert.Equal((1L, 1L, 3L), (venue.FaultCounters.RateLimited, venue.FaultCounters.ServerErrors, venue.FaultCounters.Requests));
    }

    [Fact]
    public async Task FaultsEndpoint_ShareOutOfRange_IsAValidationProblem()
    {
        using var http = new HttpClient { BaseAddress = venue.BaseAddress };
        using var body = new StringContent("""{"rateLimitedShare":1.5}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/sim/faults", UriKind.Relative), body, Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
