using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BreakoutBot.Api.Backtests;
using BreakoutBot.Api.Errors;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Data.Backtests;
using BreakoutBot.Domain.Backtesting;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Tests;

/// <summary><c>/api/backtests</c>: an operator queues a run (the backtester service runs it), everyone signed in reads runs and reports.</summary>
public sealed class BacktestsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Start_AsOperator_Queues202_WithEveryDefaultFilledIn_AuditedAndListed()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var started = await client.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout" }, TestData.Cancel);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var queued = await started.JsonAsync();
        var id = queued.GetProperty("id").GetGuid();
        Assert.Equal($"/api/backtests/{id}", started.Headers.Location?.OriginalString);
        Assert.Equal((BacktestRunStatus.Queued, 1, "operator"), (queued.GetProperty("status").GetString(), queued.GetProperty("presetVersion").GetInt32(), queued.GetProperty("requestedBy").GetString()));
        var details = await (await api.Client().GetAsync($"/api/backtests/{id}", TestData.Cancel)).JsonAsync();
        var request = details.GetProperty("request").Deserialize<StartBacktestRequest>(ContractJson.Options)!;
        Assert.Equal(new BacktestMarketChoice(BacktestMarketChoice.Synthetic, 11, 8, 5_000), request.Market);
        Assert.Equal((1, 10_000m, "5", 1, 2m), (request.PresetVersion, request.Balance, request.Interval, request.Seed, request.SlippageBps));
        var listed = await (await api.Client().GetAsync("/api/backtests?preset=sim_breakout&pageSize=500", TestData.Cancel)).JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), run => run.GetProperty("id").GetGuid() == id);
        await using var database = api.CreateDatabase();
        Assert.True(await database.AuditLog.AnyAsync(entry => entry.Action == "backtest.start" && entry.Actor == "operator" && entry.Outcome == $"queued {id}", TestData.Cancel));
    }

    [Fact]
    public async Task Start_AsViewerOrAnonymous_IsRefused_AndNothingIsQueued()
    {
        await using var database = api.CreateDatabase();
        var before = await database.BacktestRuns.CountAsync(TestData.Cancel);

        using var viewer = await api.Client().PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout" }, TestData.Cancel);
        using var anonymous = await api.AnonymousClient().PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout" }, TestData.Cancel);
        using var anonymousRead = await api.AnonymousClient().GetAsync("/api/backtests", TestData.Cancel);

        await viewer.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        await anonymousRead.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal(before, await database.BacktestRuns.CountAsync(TestData.Cancel));
    }

    [Fact]
    public async Task DataSets_AreTheBacktestersCatalog_AndAStartNamingAnotherIsRefusedNamingThem()
    {
        await using (var database = api.CreateDatabase())
        {
            await new BacktestDataSetCatalog(database, TimeProvider.System)
                .ReplaceAsync(new Dictionary<string, int> { ["recorded-paper"] = 2, ["downloaded-2025"] = 5 }, TestData.Cancel);
        }

        using var client = api.Client(ApiFixture.OperatorKey);
        var listed = await (await api.Client().GetAsync("/api/backtests/data-sets", TestData.Cancel)).JsonAsync();
        using var unknown = await client.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout", market = new { source = "data-set", dataSet = "elsewhere" } }, TestData.Cancel);
        using var known = await client.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout", market = new { source = "data-set", dataSet = "recorded-paper" } }, TestData.Cancel);

        Assert.Equal(["downloaded-2025", "recorded-paper"], listed.EnumerateArray().Select(dataSet => dataSet.GetProperty("name").GetString()));
        Assert.Equal(5, listed[0].GetProperty("symbols").GetInt32());
        var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.Contains("no data set 'elsewhere'; the backtester has: downloaded-2025, recorded-paper", problem.ErrorsAt("$.market.dataSet"));
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
    }

    [Theory]
    [InlineData("""{"preset": "bad name"}""", "$.preset")]
    [InlineData("""{"preset": "sim_breakout", "presetVersion": 0}""", "$.presetVersion")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "synthetic", "symbols": 0}}""", "$.market.symbols")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "synthetic", "symbols": 33}}""", "$.market.symbols")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "synthetic", "bars": 10}}""", "$.market.bars")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "synthetic", "symbols": 32, "bars": 200000}}""", "$.market.bars")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "ftp"}}""", "$.market.source")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "data-set", "dataSet": "../../etc"}}""", "$.market.dataSet")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "data-set"}}""", "$.market.dataSet")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "data-set", "dataSet": "synthetic"}}""", "$.market.dataSet")]
    [InlineData("""{"preset": "sim_breakout", "market": {"source": "data-set", "dataSet": "recorded", "bars": 5}}""", "$.market")]
    [InlineData("""{"preset": "sim_breakout", "balance": 0}""", "$.balance")]
    [InlineData("""{"preset": "sim_breakout", "from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}""", "$.to")]
    [InlineData("""{"preset": "sim_breakout", "symbols": ["BTC USDT"]}""", "$.symbols")]
    [InlineData("""{"preset": "sim_breakout", "interval": "7"}""", "$.interval")]
    [InlineData("""{"preset": "sim_breakout", "interval": "W"}""", "$.interval")]
    [InlineData("""{"preset": "sim_breakout", "takerFeeBps": 101}""", "$.takerFeeBps")]
    [InlineData("""{"preset": "sim_breakout", "makerFeeBps": -101}""", "$.makerFeeBps")]
    [InlineData("""{"preset": "sim_breakout", "slippageBps": -1}""", "$.slippageBps")]
    public async Task Start_BadRequest_Is400NamingTheField(string body, string field)
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsync("/api/backtests", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.NotEmpty(problem.ErrorsAt(field));
    }

    [Fact]
    public async Task Start_UnknownPresetOrVersion_Is404_UnknownField_Is400()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var preset = await client.PostAsJsonAsync("/api/backtests", new { preset = "no_such_preset" }, TestData.Cancel);
        using var version = await client.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout", presetVersion = 99 }, TestData.Cancel);
        using var unknown = await client.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout", leverage = 100 }, TestData.Cancel);

        Assert.Contains("no_such_preset", (await preset.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("version 99", (await version.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Cancel_QueuedRun_IsCancelled_ThenConflict_UnknownIs404_ViewerIs403()
    {
        using var client = api.Client(ApiFixture.OperatorKey);
        var id = (await (await client.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout" }, TestData.Cancel)).JsonAsync()).GetProperty("id").GetGuid();

        using var byViewer = await api.Client().PostAsync($"/api/backtests/{id}/cancel", null, TestData.Cancel);
        using var cancelled = await client.PostAsync($"/api/backtests/{id}/cancel", null, TestData.Cancel);
        using var again = await client.PostAsync($"/api/backtests/{id}/cancel", null, TestData.Cancel);
        using var unknown = await client.PostAsync($"/api/backtests/{Guid.NewGuid()}/cancel", null, TestData.Cancel);

        await byViewer.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var run = await cancelled.JsonAsync();
        Assert.Equal(BacktestRunStatus.Cancelled, run.GetProperty("status").GetString());
        Assert.Contains("operator", run.GetProperty("error").GetString(), StringComparison.Ordinal);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task SucceededRun_ShowsFiguresEquityTrades_SandboxedReport_AndIsAttachedToItsPresetVersion()
    {
        var id = await StoreSucceededRunAsync("sim_breakout", 1);
        using var client = api.Client();

        var details = await (await client.GetAsync($"/api/backtests/{id}", TestData.Cancel)).ReadAsync<BacktestRunDetails>();
        using var report = await client.GetAsync($"/api/backtests/{id}/report", TestData.Cancel);
        var presets = await (await client.GetAsync("/api/presets", TestData.Cancel)).JsonAsync();
        var versions = await (await client.GetAsync("/api/presets/sim_breakout/versions", TestData.Cancel)).JsonAsync();

        Assert.Equal((BacktestRunStatus.Succeeded, 1d), (details.Run.Status, details.Run.Progress));
        Assert.Equal((2, 10_012.5m), (details.Run.Figures!.Trades, details.Run.Figures.FinalEquity));
        Assert.Equal(2, details.Equity.Count);
        Assert.Equal(["BTCUSDT", "ETHUSDT"], details.Trades.Select(trade => trade.Symbol));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BacktestsApi.ReportContentSecurityPolicy, report.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("<html><body>report</body></html>", await report.Content.ReadAsStringAsync(TestData.Cancel));
        var simBreakout = presets.EnumerateArray().Single(preset => preset.GetProperty("name").GetString() == "sim_breakout");
        Assert.Equal(JsonValueKind.String, simBreakout.GetProperty("backtest").ValueKind);
        Assert.Contains(versions.EnumerateArray(), version => version.GetProperty("version").GetInt32() == 1 && version.GetProperty("backtest").GetGuid() != Guid.Empty);
        var other = presets.EnumerateArray().Single(preset => preset.GetProperty("name").GetString() == "breakout_v1");
        Assert.Equal(JsonValueKind.Null, other.GetProperty("backtest").ValueKind);
    }

    [Fact]
    public async Task UnfinishedOrUnknownRun_HasNoReport()
    {
        using var operatorClient = api.Client(ApiFixture.OperatorKey);
        var id = (await (await operatorClient.PostAsJsonAsync("/api/backtests", new { preset = "sim_breakout" }, TestData.Cancel)).JsonAsync()).GetProperty("id").GetGuid();
        using var client = api.Client();

        using var queued = await client.GetAsync($"/api/backtests/{id}/report", TestData.Cancel);
        using var unknown = await client.GetAsync($"/api/backtests/{Guid.NewGuid()}/report", TestData.Cancel);
        using var unknownDetails = await client.GetAsync($"/api/backtests/{Guid.NewGuid()}", TestData.Cancel);

        await queued.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NoData);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await unknownDetails.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    /// <summary>A run as the backtester leaves it when it succeeded (two trades, +12.5 USDT).</summary>
    private async Task<Guid> StoreSucceededRunAsync(string preset, int version)
    {
        var at = TestData.Base;
        var figures = new BacktestFigures(10_000m, 10_012.5m, 12.5m, 2, 0.5m, 1.5m, 6.25m, 0.2m, 0.4m, 1.1, 1.4, 1m, 0m, 3, 0, 3_000, 9_000, [], new Dictionary<string, int>());
        BacktestTradeRow Trade(string symbol, decimal net) => new(symbol, "Long", at, at.AddHours(1), 100m, 101m, 1m, net + 0.5m, 0.5m, 0m, net, 0.5m, "TakeProfit");
        await using var database = api.CreateDatabase();
        var run = new BacktestRunRecord
        {
            Id = Guid.CreateVersion7(),
            PresetName = preset,
            PresetVersion = version,
            RequestJson = JsonSerializer.Serialize(new StartBacktestRequest(preset, version), ContractJson.Options),
            Status = BacktestRunStatus.Succeeded,
            RequestedBy = "test",
            RequestedAt = at,
            StartedAt = at,
            FinishedAt = at.AddMinutes(1),
            BarsRead = 3_000,
            BarsTotal = 3_000,
            FiguresJson = JsonSerializer.Serialize(figures, ContractJson.Options),
            EquityJson = JsonSerializer.Serialize(new[] { new BacktestEquityPoint(at, 10_000m), new BacktestEquityPoint(at.AddHours(2), 10_012.5m) }, ContractJson.Options),
            TradesJson = JsonSerializer.Serialize(new[] { Trade("BTCUSDT", 20m), Trade("ETHUSDT", -7.5m) }, ContractJson.Options),
            ReportHtml = "<html><body>report</body></html>",
        };
        database.BacktestRuns.Add(run);
        await database.SaveChangesAsync(TestData.Cancel);
        return run.Id;
    }
}
