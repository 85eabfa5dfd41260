using System.Net;
using BreakoutBot.Bybit.Resilience;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Bybit.Signing;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;
using Microsoft.Extensions.Logging.Abstractions;

namespace BreakoutBot.Bybit.Tests.Resilience;

public sealed class BybitRetryHandlerTests
{
    private const long ServerTime = 1_700_000_000_000;
    private static readonly BybitCredentials Account = new("test-key", "test-secret");
    private static readonly InstrumentSymbol Btc = InstrumentSymbol.Parse("BTCUSDT");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_RetCode10006_WaitsExactlyUntilTheAnnouncedResetThenSucceeds()
    {
        var venue = new ScriptedHandler(
            ScriptedHandler.RetCode(10006, ServerTime, ("X-Bapi-Limit", "50"), ("X-Bapi-Limit-Status", "0"), ("X-Bapi-Limit-Reset-Timestamp", (ServerTime + 250).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ScriptedHandler.Ok("""{"list":[{"symbol":"BTCUSDT","takerFeeRate":"0.00055","makerFeeRate":"0.0002"}]}"""));
        var clock = new InstantDelays();

        var rates = await Private(venue, clock).GetFeeRatesAsync(Btc, Cancellation);

        Assert.Equal(0.00055m, rates[0].TakerFraction);
        Assert.Equal(2, venue.Seen.Count);
        // The back-off waits out the reset; the limiter may wait for the rest of it (here the fake clock never moved).
        Assert.Equal(TimeSpan.FromMilliseconds(250), clock.Delays[0]);
        Assert.All(clock.Delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public async Task SendAsync_ServerErrors_BacksOffWithSeededJitterAndSucceeds()
    {
        async Task<IReadOnlyList<TimeSpan>> Run()
        {
            var venue = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.Status(HttpStatusCode.BadGateway), ScriptedHandler.Ok("""{"list":[]}"""));
            var clock = new InstantDelays();
            await Private(venue, clock, seed: 42).GetFeeRatesAsync(Btc, Cancellation);
            Assert.Equal(3, venue.Seen.Count);
            return clock.Delays;
        }

        var first = await Run();
        var second = await Run();

        Assert.Equal(2, first.Count);
        Assert.Equal(first, second);
        Assert.All(first, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task SendAsync_RetriesExhausted_ReturnsTheLastAnswer()
    {
        var venue = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));

        await Assert.ThrowsAsync<HttpRequestException>(() => Private(venue, new InstantDelays(), maxRetries: 2).GetFeeRatesAsync(Btc, Cancellation));

        Assert.Equal(3, venue.Seen.Count);
    }

    [Fact]
    public async Task PlaceOrder_ServerError_IsNotSentAgain()
    {
        var venue = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.BadGateway), ScriptedHandler.Ok("""{"orderId":"1","orderLinkId":"x"}"""));

        await Assert.ThrowsAsync<HttpRequestException>(() => Private(venue, new InstantDelays()).PlaceOrderAsync(Market("once-1"), Cancellation));

        Assert.Single(venue.Seen);
    }

    [Fact]
    public async Task PlaceOrder_RateLimited_IsSentAgainBecauseTheVenueRefusedIt()
    {
        var venue = new ScriptedHandler(ScriptedHandler.RetCode(10006), ScriptedHandler.Ok("""{"orderId":"7","orderLinkId":"once-2"}"""));

        var orderId = await Private(venue, new InstantDelays()).PlaceOrderAsync(Market("once-2"), Cancellation);

        Assert.Equal("7", orderId);
        Assert.Equal(2, venue.Seen.Count);
    }

    [Fact]
    public async Task PlaceOrderOnce_AckLost_LooksUpTheOrderLinkIdInsteadOfPlacingAgain()
    {
        var venue = new ScriptedHandler(
            ScriptedHandler.Status(HttpStatusCode.BadGateway),
            ScriptedHandler.Ok("""{"category":"linear","nextPageCursor":"","list":[{"orderId":"9","orderLinkId":"once-3","symbol":"BTCUSDT","side":"Buy","orderType":"Market","orderStatus":"Filled","qty":"0.010","cumExecQty":"0.010","avgPrice":"66000","cumExecFee":"0.363"}]}"""));

        var order = await Private(venue, new InstantDelays()).PlaceOrderOnceAsync(Market("once-3"), Cancellation);

        Assert.Equal(("9", "Filled"), (order.OrderId, order.Status));
        Assert.Equal(["/v5/order/create", "/v5/order/realtime"], venue.Seen.Select(seen => seen.Path));
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_IdempotentRequestIsRetried()
    {
        var venue = new ScriptedHandler(ScriptedHandler.Hang(), ScriptedHandler.Ok("""{"list":[]}"""));
        var options = new BybitOptions { BaseUrl = "http://venue", AttemptTimeout = TimeSpan.FromMilliseconds(200) };

        var rates = await Private(venue, new InstantDelays(), options: options).GetFeeRatesAsync(Btc, Cancellation);

        Assert.Empty(rates);
        Assert.Equal(2, venue.Seen.Count);
    }

    [Fact]
    public async Task SendAsync_CancelledDuringBackOff_StopsAtOnce()
    {
        var venue = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var call = Private(venue, new InstantDelays { Hold = true }).GetFeeRatesAsync(Btc, cancellation.Token);

        await WaitUntil(() => venue.Seen.Count == 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(venue.Seen);
    }

    [Fact]
    public async Task RateLimiter_RemainderUsedUp_NextRequestWaitsForTheResetBeforeSending()
    {
        var venue = new ScriptedHandler(
            ScriptedHandler.Json(
                """{"retCode":0,"retMsg":"OK","result":{"list":[]},"retExtInfo":{},"time":1700000000000}""",
                HttpStatusCode.OK,
                ("X-Bapi-Limit", "5"),
                ("X-Bapi-Limit-Status", "0"),
                ("X-Bapi-Limit-Reset-Timestamp", "1700000000400")),
            ScriptedHandler.Ok("""{"list":[]}"""));
        var clock = new InstantDelays();
        var client = Private(venue, clock);

        await client.GetFeeRatesAsync(Btc, Cancellation);
        await client.GetFeeRatesAsync(Btc, Cancellation);

        Assert.Equal(2, venue.Seen.Count);
        Assert.Single(clock.Delays);
        Assert.InRange(clock.Delays[0], TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(400));
    }

    [Theory]
    [InlineData("POST", "/v5/order/create", false)]
    [InlineData("POST", "/v5/order/cancel", true)]
    [InlineData("POST", "/v5/order/amend", true)]
    [InlineData("GET", "/v5/order/realtime", true)]
    public void IsIdempotent_OnlyOrderCreateIsNot(string method, string path, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("http://venue" + path));

        Assert.Equal(expected, BybitRetryHandler.IsIdempotent(request));
    }

    private static OrderPlacement Market(string linkId) => new(Btc, OrderSide.Buy, IsMarket: true, 0.010m, linkId);

    private static BybitPrivateClient Private(ScriptedHandler venue, TimeProvider clock, int seed = 1, int maxRetries = 4, BybitOptions? options = null)
    {
        options ??= new BybitOptions { BaseUrl = "http://venue", MaxRetryAttempts = maxRetries };
        var limiter = new BybitRateLimiter(clock);
        var retry = new BybitRetryHandler(options, clock, new RetryJitter(seed), NullLogger<BybitRetryHandler>.Instance)
        {
            InnerHandler = new BybitRateLimitHandler(limiter, options, clock, NullLogger<BybitRateLimitHandler>.Instance) { InnerHandler = venue },
        };
#pragma warning disable CA2000 // The HttpClient owns the handler chain; a test client lives as long as the test.
        var http = new HttpClient(retry) { BaseAddress = new Uri(options.BaseUrl) };
#pragma warning restore CA2000
        return new BybitPrivateClient(http, Account, clock);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(10, Cancellation);
        }
    }
}
