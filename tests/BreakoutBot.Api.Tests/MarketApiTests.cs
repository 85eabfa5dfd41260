using System.Net;
using BreakoutBot.Api.Errors;
using BreakoutBot.Data.Trading;

namespace BreakoutBot.Api.Tests;

public sealed class MarketApiTests(ApiFixture api)
{
    [Fact]
    public async Task Candles_KnownSymbol_CarryLevelsSignalsAndOurEntriesAndExits()
    {
        var symbol = TestData.NewSymbol();
        await new ScannerApiTests(api).PublishSnapshotAsync(symbol);
        var last = FakeVenue.LastOpenTime;
        var entry = TestData.Order(symbol, OrderPurpose.Entry, last.AddMinutes(-30), "pos-chart");
        var takeProfit = TestData.Order(symbol, OrderPurpose.TakeProfit, last.AddMinutes(-10), "pos-chart");
        await using (var database = api.CreateDatabase())
        {
            database.Signals.Add(TestData.Signal(symbol, last.AddMinutes(-31)));
            database.Signals.Add(TestData.Signal(symbol, last.AddDays(-30)));
            database.Orders.AddRange(entry, takeProfit);
            database.Fills.AddRange(TestData.Fill(entry, last.AddMinutes(-30), 100.5m), TestData.Fill(takeProfit, last.AddMinutes(-10), 110m));
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var chart = await (await client.GetAsync($"/api/market/candles/{symbol}?interval=15&limit=10", TestData.Cancel)).JsonAsync();

        var candles = chart.GetProperty("candles");
        Assert.Equal(10, candles.GetArrayLength());
        Assert.Equal("2026-11-26T09:45:00.0000000Z", candles[0].GetProperty("openTime").GetString());
        Assert.Equal("2026-11-26T12:00:00.0000000Z", candles[9].GetProperty("openTime").GetString());
        Assert.Equal(100m, candles[9].GetProperty("open").GetDecimal());
        Assert.Equal(102.5m, candles[9].GetProperty("high").GetDecimal());
        Assert.Equal(101.25m, chart.GetProperty("levels")[0].GetProperty("price").GetDecimal());
        Assert.Single(chart.GetProperty("signals").EnumerateArray());
        var markers = chart.GetProperty("markers").EnumerateArray().Select(marker => (marker.GetProperty("kind").GetString(), marker.GetProperty("purpose").GetString(), marker.GetProperty("price").GetDecimal())).ToList();
        Assert.Equal([("entry", "Entry", 100.5m), ("exit", "TakeProfit", 110m)], markers);
    }

    [Theory]
    [InlineData("/api/market/candles/BTCUSDT?interval=7", "interval")]
    [InlineData("/api/market/candles/BTCUSDT?limit=0", "limit")]
    [InlineData("/api/market/candles/BTCUSDT?limit=1001", "limit")]
    [InlineData("/api/market/candles/btcusdt", "symbol")]
    [InlineData("/api/market/candles/BTC%3BDROP%20TABLE%20trades", "symbol")]
    public async Task Candles_BadQuery_IsValidationProblem(string path, string key)
    {
        using var client = api.Client();

        using var response = await client.GetAsync(path, TestData.Cancel);

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorsAt(key));
    }

    [Fact]
    public async Task Candles_VenueRefusesTheSymbol_Is502Problem()
    {
        using var client = api.Client();

        using var response = await client.GetAsync($"/api/market/candles/{FakeVenue.UnknownSymbol}", TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway, ProblemTypes.VenueUnavailable);
        Assert.Contains("10001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
