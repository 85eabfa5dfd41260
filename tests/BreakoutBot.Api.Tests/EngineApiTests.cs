using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BreakoutBot.Api.Engine;
using BreakoutBot.Api.Errors;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Data.Engine;
using BreakoutBot.Data.Trading;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Tests;

public sealed class EngineApiTests(ApiFixture api)
{
    [Fact]
    public async Task GetStatus_FromPublishedStateAndRecords_ReportsEveryFigure()
    {
        var now = DateTimeOffset.UtcNow;
        var symbol = TestData.NewSymbol();
        await using (var database = api.CreateDatabase())
        {
            database.RiskStates.RemoveRange(database.RiskStates);
            database.RiskStates.Add(new RiskStateRecord
            {
                Account = "main", TradingDay = DateOnly.FromDateTime(now.UtcDateTime), DayStartEquity = 10_000m, PeakEquity = 10_100m,
                KillSwitchTripped = true, KillSwitchReason = "daily loss limit", KillSwitchTrippedAt = now.AddMinutes(-5), ConsecutiveLosses = 2, UpdatedAt = now,
            });
            database.Trades.Add(TestData.Trade(symbol, 12.345678901m, 1.2345m, now.AddSeconds(-10)));
            database.Trades.Add(TestData.Trade(symbol, -5m, -0.5m, now.AddSeconds(-5)));
            database.Positions.Add(TestData.Position(symbol));
            await database.SaveChangesAsync(TestData.Cancel);
        }

        api.Venue.MarkPrices[symbol] = 100m;

        await api.Redis.GetDatabase().StringSetAsync(RedisKeys.EngineState, JsonSerializer.Serialize(
            new EngineStateChanged("evt-1", "Running", "sim", "breakout_v1", 1, now.AddMinutes(-30), "started by operator"), MessageJson.Options));
        var scannerLastSeen = now - EngineStatusReader.StaleAfter - TimeSpan.FromMinutes(1);
        await api.Redis.GetDatabase().StringSetAsync(RedisKeys.ScannerStatus, JsonSerializer.Serialize(
            new ScannerStatus(scannerLastSeen, "Running", null, 32, scannerLastSeen, scannerLastSeen, 1.5, "breakout_v1", 1, true, 0, 0), MessageJson.Options));
        int openPositions;
        decimal dailyPnl;
        decimal dailyR;
        await using (var database = api.CreateDatabase())
        {
            openPositions = await database.Positions.CountAsync(position => position.Status != PositionRecordStatus.Closed, TestData.Cancel);
            // "Today" is the venue's day: the fake venue's clock (its tickers' time) stands at 2025-11-26 12:00, a year behind ours.
            var dayStart = new DateTimeOffset(2025, 11, 26, 0, 0, 0, TimeSpan.Zero);
            dailyPnl = await database.Trades.Where(trade => trade.ClosedAt >= dayStart).SumAsync(trade => trade.RealizedPnl, TestData.Cancel);
            dailyR = await database.Trades.Where(trade => trade.ClosedAt >= dayStart).SumAsync(trade => trade.RMultiple, TestData.Cancel);
        }

        using var client = api.Client();
        using var response = await client.GetAsync("/api/engine/status", TestData.Cancel);
        var status = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Running", status.GetProperty("state").GetString());
        Assert.Equal("sim", status.GetProperty("mode").GetString());
        Assert.Equal("breakout_v1", status.GetProperty("presetName").GetString());
        Assert.Equal(1, status.GetProperty("presetVersion").GetInt32());
        Assert.EndsWith("Z", status.GetProperty("since").GetString(), StringComparison.Ordinal);
        Assert.Equal(openPositions, status.GetProperty("openPositions").GetInt32());
        Assert.Equal(3, status.GetProperty("maxPositions").GetInt32());
        Assert.Equal(Math.Max(0, 3 - openPositions), status.GetProperty("freeSlots").GetInt32());
        Assert.Equal(new DateTimeOffset(2025, 11, 26, 12, 0, 0, TimeSpan.Zero), status.GetProperty("venueTime").GetDateTimeOffset());
        Assert.Equal(dailyPnl, status.GetProperty("dailyPnlUsd").GetDecimal());
        Assert.Equal(dailyR, status.GetProperty("dailyPnlR").GetDecimal());
        Assert.Equal(2, status.GetProperty("consecutiveLosses").GetInt32());
        Assert.True(status.GetProperty("killSwitch").GetProperty("tripped").GetBoolean());
        Assert.Equal("daily loss limit", status.GetProperty("killSwitch").GetProperty("reason").GetString());
        var components = status.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("ok", components["database"]);
        Assert.Equal("ok", components["redis"]);
        Assert.Equal("stale", components["scanner"]);
        Assert.Contains(components["executor"], (string[])["ok", "stale"]);
    }

    [Fact]
    public async Task Start_ValidRequest_Is202WithTheExecutorsAnswerAndIsAudited()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsJsonAsync("/api/engine/start", new { preset = "breakout_v1", presetVersion = 1, mode = "sim" }, TestData.Cancel);
        var result = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.Equal("engine.start", result.GetProperty("kind").GetString());
        Assert.Equal("Running", result.GetProperty("engineState").GetString());
        var commandId = result.GetProperty("commandId").GetString()!;
        var sent = api.Executor.Find(commandId);
        Assert.NotNull(sent);
        Assert.Equal(EngineCommandKind.Start, sent.Kind);
        Assert.Equal("breakout_v1", sent.PresetName);
        Assert.Equal(1, sent.PresetVersion);
        Assert.Equal("sim", sent.Mode);
        Assert.Equal("operator", sent.IssuedBy);
        var audit = await AuditAsync(commandId);
        Assert.Equal("operator", audit.Actor);
        Assert.Equal("engine.start", audit.Action);
        Assert.Equal("accepted", audit.Outcome);
        Assert.Contains("breakout_v1", audit.DetailsJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"preset":"no_such_preset","mode":"sim"}""", "$.preset")]
    [InlineData("""{"preset":"breakout_v1","presetVersion":999,"mode":"sim"}""", "$.presetVersion")]
    [InlineData("""{"preset":"breakout_v1","presetVersion":0,"mode":"sim"}""", "$.presetVersion")]
    [InlineData("""{"preset":"breakout_v1","mode":"live"}""", "$.mode")]
    [InlineData("""{"preset":"breakout_v1","mode":"moon"}""", "$.mode")]
    [InlineData("""{"preset":"../etc/passwd","mode":"sim"}""", "$.preset")]
    public async Task Start_InvalidRequest_IsValidationProblemWithPathAndSendsNothing(string body, string path)
    {
        using var client = api.Client(ApiFixture.OperatorKey);
        var before = api.Executor.Received.Count;

        using var response = await client.PostAsync("/api/engine/start", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.NotEmpty(problem.ErrorsAt(path));
        await Task.Delay(100, TestData.Cancel);
        Assert.Equal(before, api.Executor.Received.Count);
    }

    [Fact]
    public async Task Pause_RefusedByTheExecutor_Is409WithTheReasonAndIsAudited()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsync("/api/engine/pause", null, TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.CommandRefused);
        Assert.Equal(FakeExecutor.PauseRefusal, problem.GetProperty("detail").GetString());
        Assert.Equal("Stopped", problem.GetProperty("engineState").GetString());
        var audit = await AuditAsync(problem.GetProperty("commandId").GetString()!);
        Assert.Equal("engine.pause", audit.Action);
        Assert.Equal("refused: " + FakeExecutor.PauseRefusal, audit.Outcome);
    }

    [Fact]
    public async Task Command_NoExecutorAnswers_Is504AndIsAudited()
    {
        using var client = api.Client(ApiFixture.MuteKey);

        using var response = await client.PostAsync("/api/engine/stop", null, TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout, ProblemTypes.ExecutorUnavailable);
        var commandId = problem.GetProperty("commandId").GetString()!;
        Assert.NotNull(api.Executor.Find(commandId));
        var audit = await AuditAsync(commandId);
        Assert.Equal("mute", audit.Actor);
        Assert.StartsWith("no answer", audit.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill_WithFlatten_SendsFlattenAndReturnsEmergency()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsJsonAsync("/api/engine/kill", new { flatten = true }, TestData.Cancel);
        var result = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Emergency", result.GetProperty("engineState").GetString());
        Assert.True(api.Executor.Find(result.GetProperty("commandId").GetString()!)!.Flatten);
    }

    [Theory]
    [InlineData("/api/engine/resume", EngineCommandKind.Resume, "engine.resume")]
    [InlineData("/api/engine/stop", EngineCommandKind.Stop, "engine.stop")]
    [InlineData("/api/engine/reset-kill-switch", EngineCommandKind.ResetKillSwitch, "engine.reset-kill-switch")]
    public async Task Command_Accepted_Is202AndPublishesTheKind(string path, EngineCommandKind kind, string action)
    {
        using var client = api.Client(ApiFixture.WebKey);

        using var response = await client.PostAsync(path, null, TestData.Cancel);
        var result = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(action, result.GetProperty("kind").GetString());
        var sent = api.Executor.Find(result.GetProperty("commandId").GetString()!)!;
        Assert.Equal(kind, sent.Kind);
        Assert.Equal("web", sent.IssuedBy);
    }

    private async Task<AuditLogRow> AuditAsync(string commandId)
    {
        await using var database = api.CreateDatabase();
        var row = await database.AuditLog.SingleAsync(entry => entry.CorrelationId == commandId, TestData.Cancel);
        return new AuditLogRow(row.Actor, row.Action, row.Outcome, row.DetailsJson ?? "");
    }

    private sealed record AuditLogRow(string Actor, string Action, string Outcome, string DetailsJson);
}
