using System.Globalization;
using System.Text;
using System.Text.Json;
using BreakoutBot.Bybit.Signing;

namespace BreakoutBot.Simulator.Tests;

/// <summary>Order-create fields our client never sends, as other Bybit clients send them: each does what Bybit's does, or is refused naming why.</summary>
public sealed class OrderFieldsTests(TradingSimulator simulator) : IClassFixture<TradingSimulator>, IDisposable
{
    private static readonly BybitCredentials SimAccount = new("sim-api-key", "sim-api-secret");
    private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress };

    [Fact]
    public async Task CloseOnTrigger_MarketOrderWithNoPosition_IsReduceOnlyAndRefused110017()
    {
        var answer = await CreateAsync("""{"category":"linear","symbol":"DOGEUSDT","side":"Sell","orderType":"Market","qty":"100","orderLinkId":"cot-1","closeOnTrigger":true}""");

        Assert.Equal(110017, answer.GetProperty("retCode").GetInt32());
    }

    [Fact]
    public async Task TakeProfitAttachedToACreate_RefusedNamingTheWayThatWorks()
    {
        var answer = await CreateAsync("""{"category":"linear","symbol":"DOGEUSDT","side":"Buy","orderType":"Market","qty":"100","orderLinkId":"attached-1","takeProfit":"0.5"}""");

        Assert.Equal(10001, answer.GetProperty("retCode").GetInt32());
        Assert.Contains("/v5/position/trading-stop", answer.GetProperty("retMsg").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> CreateAsync(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v5/order/create") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BAPI-API-KEY", SimAccount.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", "5000");
        request.Headers.Add("X-BAPI-SIGN", RequestSigner.SignRest(SimAccount, timestamp, 5000, body));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }
}
