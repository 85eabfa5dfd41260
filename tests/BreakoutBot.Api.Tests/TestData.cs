using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BreakoutBot.Api.Json;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Api.Tests;

/// <summary>Rows as the Executor writes them, unique per test, and response helpers.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Base = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static string NewSymbol() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "USDT";

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static PositionRecord Position(string symbol, PositionRecordStatus status = PositionRecordStatus.Open, PositionDirection direction = PositionDirection.Long) => new()
    {
        PositionId = NewId("pos"),
        Symbol = symbol,
        Direction = direction,
        Status = status,
        Origin = PositionOrigin.Strategy,
        EntryPrice = 100m,
        InitialStop = 95m,
        Stop = 95m,
        StopKind = StopKind.Initial,
        OriginalQuantity = 2m,
        OpenQuantity = status == PositionRecordStatus.Closed ? 0m : 2m,
        BestPrice = 100m,
        Targets = [new TakeProfitTarget("tp1", 1.0m, 110.0m, 1.0m, IsFilled: true), new TakeProfitTarget("tp2", 2.0m, 120.0m, 1.0m)],
        OpenedAt = Base,
        ClosedAt = status == PositionRecordStatus.Closed ? Base.AddHours(2) : null,
    };

    public static TradeRecord Trade(string symbol, decimal pnl, decimal r, DateTimeOffset closedAt, string exitReason = "TakeProfit") => new()
    {
        TradeId = NewId("trade"),
        PositionId = NewId("pos"),
        Symbol = symbol,
        Direction = PositionDirection.Long,
        Strategy = "Momentum",
        EntryPrice = 100m,
        ExitPrice = 100m + pnl / 2m,
        Quantity = 2m,
        RealizedPnl = pnl,
        Fees = 0.12m,
        RMultiple = r,
        InitialRisk = 10m,
        ExitReason = exitReason,
        OpenedAt = closedAt.AddHours(-1),
        ClosedAt = closedAt,
    };

    public static SignalRecord Signal(string symbol, DateTimeOffset at, SignalOutcome outcome = SignalOutcome.Approved) => new()
    {
        SignalId = NewId("sig"),
        Symbol = symbol,
        Side = PositionDirection.Long,
        Strategy = "Momentum",
        LevelPrice = 99.5m,
        Entry = 100.1m,
        Stop = 98.7m,
        Confidence = 0.8,
        PresetName = "breakout_v1",
        PresetVersion = 1,
        CandleOpenTime = at,
        DetectedAt = at,
        ReceivedAt = at,
        Outcome = outcome,
    };

    public static OrderRecord Order(string symbol, OrderPurpose purpose, DateTimeOffset at, string? positionId = null) => new()
    {
        OrderId = NewId("ord"),
        PositionId = positionId,
        Symbol = symbol,
        Side = purpose == OrderPurpose.Entry ? OrderSide.Buy : OrderSide.Sell,
        Purpose = purpose,
        OrderType = OrderStyle.Market,
        Quantity = 2m,
        FilledQuantity = 2m,
        AveragePrice = 100m,
        Status = OrderRecordStatus.Filled,
        CreatedAt = at,
        UpdatedAt = at,
    };

    public static FillRecord Fill(OrderRecord order, DateTimeOffset at, decimal price) => new()
    {
        ExecutionId = NewId("exec"),
        OrderId = order.OrderId,
        PositionId = order.PositionId,
        Symbol = order.Symbol,
        Side = order.Side,
        Price = price,
        Quantity = order.Quantity,
        Fee = 0.06m,
        Liquidity = LiquidityRole.Taker,
        ExecutedAt = at,
        RecordedAt = at,
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, TestContext.Current.CancellationToken))!;

    /// <summary>Asserts an RFC 7807 body with the given status and stable type, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The messages of a ValidationProblem under <paramref name="key"/>.</summary>
    public static IReadOnlyList<string> ErrorsAt(this JsonElement problem, string key) =>
        problem.GetProperty("errors").TryGetProperty(key, out var messages)
            ? [.. messages.EnumerateArray().Select(message => message.GetString()!)]
            : throw new Xunit.Sdk.XunitException($"no error under '{key}' in {problem.GetProperty("errors")}");

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
