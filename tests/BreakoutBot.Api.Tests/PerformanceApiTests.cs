using System.Net;
using BreakoutBot.Api.Errors;
using BreakoutBot.Data.Engine;

namespace BreakoutBot.Api.Tests;

/// <summary>Uses a time window in 2031 that no other test writes to, so the figures are exact.</summary>
public sealed class PerformanceApiTests(ApiFixture api)
{
    private static readonly DateTimeOffset Start = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SummaryEquityDistributionSymbols_OverAWindow_AreComputedFromTheRecords()
    {
        var symbolA = TestData.NewSymbol();
        var symbolB = TestData.NewSymbol();
        await using (var database = api.CreateDatabase())
        {
            database.Trades.AddRange(
                TestData.Trade(symbolA, 20m, 2m, Start.AddHours(1)),
                TestData.Trade(symbolA, -10m, -1m, Start.AddHours(2)),
                TestData.Trade(symbolB, 5m, 0.5m, Start.AddHours(3)),
                TestData.Trade(symbolB, -10m, -1m, Start.AddHours(4)));
            decimal[] equity = [1000m, 1020m, 1010m, 1015m, 1005m];
            for (var index = 0; index < equity.Length; index++)
            {
                var peak = equity[..(index + 1)].Max();
                database.EquitySnapshots.Add(new EquitySnapshotRecord
                {
                    At = Start.AddHours(index), Equity = equity[index], WalletBalance = equity[index], UnrealizedPnl = 0m, OpenPositions = index % 2,
                    Drawdown = (peak - equity[index]) / peak,
                });
            }

            await database.SaveChangesAsync(TestData.Cancel);
        }

        var range = $"from={Uri.EscapeDataString(Start.ToString("O"))}&to={Uri.EscapeDataString(Start.AddDays(1).ToString("O"))}";
        using var client = api.Client();
        var summary = await (await client.GetAsync("/api/performance/summary?" + range, TestData.Cancel)).JsonAsync();
        var curve = await (await client.GetAsync("/api/performance/equity?" + range, TestData.Cancel)).JsonAsync();
        var thinned = await (await client.GetAsync("/api/performance/equity?maxPoints=2&" + range, TestData.Cancel)).JsonAsync();
        var distribution = await (await client.GetAsync("/api/performance/r-distribution?bucket=1&" + range, TestData.Cancel)).JsonAsync();
        var symbols = await (await client.GetAsync("/api/performance/symbols?" + range, TestData.Cancel)).JsonAsync();

        Assert.Equal(4, summary.GetProperty("tradeCount").GetInt32());
        Assert.Equal(2, summary.GetProperty("winCount").GetInt32());
        Assert.Equal(0.5m, summary.GetProperty("winRate").GetDecimal());
        Assert.Equal(5m, summary.GetProperty("netPnl").GetDecimal());
        Assert.Equal(0.5m, summary.GetProperty("totalR").GetDecimal());
        Assert.Equal(0.125m, summary.GetProperty("averageR").GetDecimal());
        Assert.Equal(15m, summary.GetProperty("maxDrawdownUsd").GetDecimal());
        Assert.Equal(0.48m, summary.GetProperty("totalFees").GetDecimal());
        Assert.Equal(5, curve.GetArrayLength());
        Assert.Equal(1020m, curve[1].GetProperty("equity").GetDecimal());
        Assert.Equal(15m / 1020m, curve[4].GetProperty("drawdown").GetDecimal());
        Assert.Equal([1000m, 1005m], thinned.EnumerateArray().Select(point => point.GetProperty("equity").GetDecimal()));
        var buckets = distribution.EnumerateArray().Select(bucket => (bucket.GetProperty("fromR").GetDecimal(), bucket.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([(-1m, 2), (0m, 1), (2m, 1)], buckets);
        var bySymbol = symbols.EnumerateArray().ToDictionary(symbol => symbol.GetProperty("symbol").GetString()!);
        Assert.Equal(10m, bySymbol[symbolA].GetProperty("netPnl").GetDecimal());
        Assert.Equal(-5m, bySymbol[symbolB].GetProperty("netPnl").GetDecimal());
        Assert.Equal(symbolA, symbols[0].GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Summary_EmptyWindow_HasZeroTradesAndNoRatios()
    {
        using var client = api.Client();

        var summary = await (await client.GetAsync("/api/performance/summary?from=2040-01-01T00:00:00Z&to=2040-01-02T00:00:00Z", TestData.Cancel)).JsonAsync();

        Assert.Equal(0, summary.GetProperty("tradeCount").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.GetProperty("winRate").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.GetProperty("averageR").ValueKind);
    }

    [Theory]
    [InlineData("/api/performance/summary?from=2031-01-02T00:00:00Z&to=2031-01-01T00:00:00Z", "from")]
    [InlineData("/api/performance/equity?maxPoints=1", "maxPoints")]
    [InlineData("/api/performance/r-distribution?bucket=0", "bucket")]
    [InlineData("/api/performance/r-distribution?bucket=100", "bucket")]
    public async Task OutOfRange_IsValidationProblem(string path, string key)
    {
        using var client = api.Client();

        using var response = await client.GetAsync(path, TestData.Cancel);

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorsAt(key));
    }
}
