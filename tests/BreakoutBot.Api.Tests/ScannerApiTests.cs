using System.Net;
using System.Text.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Data.Trading;
using BreakoutBot.Messaging.Streams;

namespace BreakoutBot.Api.Tests;

public sealed class ScannerApiTests(ApiFixture api)
{
    [Fact]
    public async Task LatestAndSymbol_PublishedSnapshot_AreServedWithFiltersScoresAndLevels()
    {
        var symbol = TestData.NewSymbol();
        var snapshot = await PublishSnapshotAsync(symbol);
        await api.Redis.GetDatabase().StringSetAsync(RedisKeys.ScannerStatus, JsonSerializer.Serialize(
            new ScannerStatus(snapshot.At, "Running", null, 32, snapshot.CandleOpenTime, snapshot.At, 1.5, "breakout_v1", 1, true, 0, 0), MessageJson.Options));
        await using (var database = api.CreateDatabase())
        {
            database.Signals.Add(TestData.Signal(symbol, TestData.Base));
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var latest = await (await client.GetAsync("/api/scanner/latest", TestData.Cancel)).JsonAsync();
        var detail = await (await client.GetAsync($"/api/scanner/symbols/{symbol}", TestData.Cancel)).JsonAsync();
        var status = await (await client.GetAsync("/api/scanner/status", TestData.Cancel)).JsonAsync();

        Assert.Equal(snapshot.ScanId, latest.GetProperty("scanId").GetString());
        var row = latest.GetProperty("symbols")[0];
        Assert.Equal(symbol, row.GetProperty("symbol").GetString());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
        Assert.Equal(0.003m, row.GetProperty("filters")[0].GetProperty("threshold").GetDecimal());
        Assert.Equal(snapshot.ScanId, detail.GetProperty("scanId").GetString());
        Assert.Equal(101.25m, detail.GetProperty("row").GetProperty("levels")[0].GetProperty("price").GetDecimal());
        Assert.Equal("volumeSurge", detail.GetProperty("row").GetProperty("components")[0].GetProperty("name").GetString());
        Assert.Single(detail.GetProperty("recentSignals").EnumerateArray());
        Assert.Equal("Running", status.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Symbol_NotInScanOrInvalid_Is404Or400()
    {
        await PublishSnapshotAsync(TestData.NewSymbol());
        using var client = api.Client();

        using var missing = await client.GetAsync("/api/scanner/symbols/ZZZZUSDT", TestData.Cancel);
        using var invalid = await client.GetAsync("/api/scanner/symbols/btc'usdt", TestData.Cancel);

        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.NotEmpty(problem.ErrorsAt("symbol"));
    }

    [Fact]
    public async Task Signals_FiltersAndPages_NewestFirst()
    {
        var symbol = TestData.NewSymbol();
        await using (var database = api.CreateDatabase())
        {
            for (var index = 0; index < 7; index++)
            {
                database.Signals.Add(TestData.Signal(symbol, TestData.Base.AddMinutes(index), index % 2 == 0 ? SignalOutcome.Approved : SignalOutcome.Rejected));
            }

            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var page1 = await (await client.GetAsync($"/api/scanner/signals?symbol={symbol}&pageSize=3", TestData.Cancel)).JsonAsync();
        var page3 = await (await client.GetAsync($"/api/scanner/signals?symbol={symbol}&pageSize=3&page=3", TestData.Cancel)).JsonAsync();
        var rejected = await (await client.GetAsync($"/api/scanner/signals?symbol={symbol}&outcome=rejected", TestData.Cancel)).JsonAsync();
        var ranged = await (await client.GetAsync(
            $"/api/scanner/signals?symbol={symbol}&from={Uri.EscapeDataString(TestData.Base.AddMinutes(2).ToString("O"))}&to={Uri.EscapeDataString(TestData.Base.AddMinutes(4).ToString("O"))}", TestData.Cancel)).JsonAsync();

        Assert.Equal(7, page1.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, page1.GetProperty("totalPages").GetInt32());
        Assert.Equal(3, page1.GetProperty("items").GetArrayLength());
        Assert.Equal("2026-11-20T10:06:00.0000000Z", page1.GetProperty("items")[0].GetProperty("receivedAt").GetString());
        Assert.Single(page3.GetProperty("items").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, ranged.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/scanner/signals?pageSize=0", "pageSize")]
    [InlineData("/api/scanner/signals?pageSize=501", "pageSize")]
    [InlineData("/api/scanner/signals?page=0", "page")]
    [InlineData("/api/scanner/signals?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", "from")]
    [InlineData("/api/scanner/summaries?pageSize=9999", "pageSize")]
    [InlineData("/api/scanner/signals?outcome=Maybe", "outcome")]
    [InlineData("/api/scanner/signals?outcome=Approved,Rejected", "outcome")]
    public async Task Signals_OutOfRange_IsValidationProblem(string path, string key)
    {
        using var client = api.Client();

        using var response = await client.GetAsync(path, TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.NotEmpty(problem.ErrorsAt(key));
    }

    [Fact]
    public async Task Summaries_RecordedScans_ArePaged()
    {
        await using (var database = api.CreateDatabase())
        {
            database.ScanSummaries.Add(new Data.Scanning.ScanSummaryRecord
            {
                At = TestData.Base, CandleOpenTime = TestData.Base, SymbolsTracked = 32, SymbolsPassed = 4, SignalsEmitted = 1, EvaluationMilliseconds = 12.5,
                TopCandidatesJson = """[{"symbol":"BTCUSDT","score":1.5}]""", PresetName = "breakout_v1",
            });
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var page = await (await client.GetAsync("/api/scanner/summaries?to=2026-11-20T10:00:00Z&pageSize=1", TestData.Cancel)).JsonAsync();

        Assert.True(page.GetProperty("totalCount").GetInt32() >= 1);
        Assert.Equal("BTCUSDT", page.GetProperty("items")[0].GetProperty("topCandidates")[0].GetProperty("symbol").GetString());
    }

    internal async Task<ScanSnapshot> PublishSnapshotAsync(string symbol)
    {
        var at = DateTimeOffset.UtcNow;
        var snapshot = new ScanSnapshot(
            "scan-" + Guid.NewGuid().ToString("N")[..8], at, at.AddMinutes(-15), "15", "breakout_v1", 1, true, null, 42.5, 32, 1,
            [
                new ScanSymbolRow(
                    symbol, 1, 2.75, true, 100.5m,
                    [new ScanScoreComponentRow("volumeSurge", 2.1, 1.3, 0.4m, 0.52)],
                    [new ScanFilterRow("atr_range_min", 0.0041m, 0.003m, true, "ATR/price 0.41% ≥ 0.30%")],
                    [new ScanLevelRow(101.25m, "Resistance", 3, 0.8)],
                    null,
                    []),
            ]);
        await api.Redis.GetDatabase().StringSetAsync(RedisKeys.ScanLatest, JsonSerializer.Serialize(snapshot, MessageJson.Options));
        return snapshot;
    }
}
