using System.Globalization;
using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.Signing;

namespace BreakoutBot.Simulator.Tests;

/// <summary>Fields our client never sends, as other Bybit clients send them: each does what Bybit's does, or is refused naming why.</summary>
public sealed class OrderFieldsTests(TradingSimulator simulator) : IClassFixture<TradingSimulator>, IDisposable
{
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");
    private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress };

    [Fact]
    public async Task CloseOnTrigger_MarketOrderWithNoPosition_IsReduceOnlyAndRefused110017()
    {
        var answer = await PostSignedAsync("/v5/order/create", """{"category":"linear","symbol":"DOGEUSDT","side":"Sell","orderType":"Market","qty":"100","orderLinkId":"cot-1","closeOnTrigger":true}""");

        Assert.Equal(110017, answer.GetProperty("retCode").GetInt32());
    }

    [Fact]
    public async Task TakeProfitAttachedToACreate_RefusedNamingTheWayThatWorks()
    {
        var answer = await PostSignedAsync("/v5/order/create", """{"category":"linear","symbol":"DOGEUSDT","side":"Buy","orderType":"Market","qty":"100","orderLinkId":"attached-1","takeProfit":"0.5"}""");

        Assert.Equal(10001, answer.GetProperty("retCode").GetInt32());
        Assert.Contains("/v5/position/trading-stop", answer.GetProperty("retMsg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartialTradingStop_TakeProfitAndStopLossOfPartSizes_BecomeReduceOnlyConditionalOrders()
    {
        var open = await PostSignedAsync("/v5/order/create", """{"category":"linear","symbol":"ATOMUSDT","side":"Buy","orderType":"Market","qty":"10","orderLinkId":"partial-entry"}""");
        Assert.Equal(0, open.GetProperty("retCode").GetInt32());
        var client = new BreakoutBot.Bybit.Rest.BybitPrivateClient(_http, SimAccount, TimeProvider.System);
        var symbol = BreakoutBot.Domain.MarketData.InstrumentSymbol.Parse("ATOMUSDT");
        var price = (await client.GetPositionAsync(symbol, TestContext.Current.CancellationToken))!.MarkPrice!.Value;
        var (target, stop) = (decimal.Round(price * 1.5m, 3), decimal.Round(price * 0.5m, 3));

        var answer = await PostSignedAsync("/v5/position/trading-stop", string.Create(CultureInfo.InvariantCulture,
            $$"""{"category":"linear","symbol":"ATOMUSDT","positionIdx":0,"tpslMode":"Partial","takeProfit":"{{target}}","tpSize":"4","stopLoss":"{{stop}}","slSize":"6"}"""));
        var tooBig = await PostSignedAsync("/v5/position/trading-stop", string.Create(CultureInfo.InvariantCulture,
            $$"""{"category":"linear","symbol":"ATOMUSDT","positionIdx":0,"tpslMode":"Partial","takeProfit":"{{target}}","tpSize":"11"}"""));
        var orders = await client.GetOpenOrdersAsync(symbol, TestContext.Current.CancellationToken);

        Assert.Equal(0, answer.GetProperty("retCode").GetInt32());
        Assert.Equal(10001, tooBig.GetProperty("retCode").GetInt32());
        var takeProfit = Assert.Single(orders, order => order.StopOrderType == "PartialTakeProfit");
        var stopLoss = Assert.Single(orders, order => order.StopOrderType == "PartialStopLoss");
        Assert.Equal((4m, target, 1, true), (takeProfit.Quantity, takeProfit.TriggerPrice, takeProfit.TriggerDirection, takeProfit.ReduceOnly));
        Assert.Equal((6m, stop, 2, true), (stopLoss.Quantity, stopLoss.TriggerPrice, stopLoss.TriggerDirection, stopLoss.ReduceOnly));
        Assert.Equal("", takeProfit.OrderLinkId);

        // Closing the position takes the partial orders with it.
        await client.PlaceOrderOnceAsync(new BreakoutBot.Bybit.Rest.OrderPlacement(symbol, BreakoutBot.Domain.Trading.OrderSide.Sell, IsMarket: true, 10m, "partial-exit", ReduceOnly: true), TestContext.Current.CancellationToken);
        Assert.Empty(await client.GetOpenOrdersAsync(symbol, TestContext.Current.CancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> PostSignedAsync(string path, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BAPI-API-KEY", SimAccount.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
        request.Headers.Add("X-BAPI-SIGN", RequestSigner.SignRest(SimAccount, timestamp, 5000, body));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }
}
