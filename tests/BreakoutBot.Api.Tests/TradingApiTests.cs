using System.Net;
using System.Net.Http.Json;
using BreakoutBot.Api.Errors;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Execution;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Tests;

public sealed class TradingApiTests(ApiFixture api)
{
    [Fact]
    public async Task BooksOfAnotherMode_AreNeitherListedNorCounted_EveryAnswerNamesItsMode()
    {
        var symbol = TestData.NewSymbol();
        var simTrade = TestData.Trade(symbol, 5m, 0.5m, TestData.Base.AddHours(1));
        var testnetTrade = TestData.Trade(symbol, -7m, -0.7m, TestData.Base.AddHours(2));
        testnetTrade.Mode = "testnet";
        var testnetPosition = TestData.Position(symbol);
        testnetPosition.Mode = "testnet";
        await using (var database = api.CreateDatabase(mode: null))
        {
            database.Trades.AddRange(simTrade, testnetTrade);
            database.Positions.Add(testnetPosition);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        var (factory, address) = await api.StartApiAsync(new Dictionary<string, string> { ["Trading:Mode"] = "testnet" });
        await using var _ = factory;
        using var simClient = api.Client();
        using var testnetClient = new HttpClient { BaseAddress = address };
        testnetClient.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.ViewerKey);

        using var simAnswer = await simClient.GetAsync($"/api/trading/trades?symbol={symbol}", TestData.Cancel);
        using var testnetAnswer = await testnetClient.GetAsync($"/api/trading/trades?symbol={symbol}", TestData.Cancel);
        var simTrades = await simAnswer.JsonAsync();
        var testnetTrades = await testnetAnswer.JsonAsync();
        var simPositions = await (await simClient.GetAsync($"/api/trading/positions?symbol={symbol}", TestData.Cancel)).JsonAsync();
        var testnetPositions = await (await testnetClient.GetAsync($"/api/trading/positions?symbol={symbol}", TestData.Cancel)).JsonAsync();

        Assert.Equal(simTrade.TradeId, Assert.Single(simTrades.GetProperty("items").EnumerateArray()).GetProperty("tradeId").GetString());
        Assert.Equal(testnetTrade.TradeId, Assert.Single(testnetTrades.GetProperty("items").EnumerateArray()).GetProperty("tradeId").GetString());
        Assert.Equal(0, simPositions.GetArrayLength());
        Assert.Equal(testnetPosition.PositionId, Assert.Single(testnetPositions.EnumerateArray()).GetProperty("positionId").GetString());
        Assert.Equal("sim", Assert.Single(simAnswer.Headers.GetValues(ApiEndpointExtensions.TradingModeHeader)));
        Assert.Equal("testnet", Assert.Single(testnetAnswer.Headers.GetValues(ApiEndpointExtensions.TradingModeHeader)));
    }

    [Fact]
    public async Task Positions_Open_AreValuedAtTheVenuesMarkPrice()
    {
        var symbol = TestData.NewSymbol();
        var shortSymbol = TestData.NewSymbol();
        api.Venue.MarkPrices[symbol] = 103.5m;
        api.Venue.MarkPrices[shortSymbol] = 103.5m;
        var open = TestData.Position(symbol);
        var opened = TestData.Position(shortSymbol, direction: PositionDirection.Short);
        opened.InitialStop = 105m;
        var closed = TestData.Position(symbol, PositionRecordStatus.Closed);
        // The fake venue's clock stands at 2025-11-26 12:00 (its tickers' time), long before ours: ages follow the venue's.
        open.OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(1764158400000).AddMinutes(-90);
        (closed.OpenedAt, closed.ClosedAt) = (TestData.Base, TestData.Base.AddMinutes(7));
        await using (var database = api.CreateDatabase())
        {
            database.Positions.AddRange(open, opened, closed);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        await Task.Delay(Market.VenueMarketData.MarkPriceLifetime, TestData.Cancel);
        using var client = api.Client();
        var positions = await (await client.GetAsync($"/api/trading/positions?symbol={symbol}", TestData.Cancel)).JsonAsync();
        var shorts = await (await client.GetAsync($"/api/trading/positions?symbol={shortSymbol}", TestData.Cancel)).JsonAsync();
        var closedOnes = await (await client.GetAsync($"/api/trading/positions?symbol={symbol}&status=closed", TestData.Cancel)).JsonAsync();
        var all = await (await client.GetAsync($"/api/trading/positions?symbol={symbol}&status=all", TestData.Cancel)).JsonAsync();

        var position = Assert.Single(positions.EnumerateArray());
        Assert.Equal(open.PositionId, position.GetProperty("positionId").GetString());
        Assert.Equal(103.5m, position.GetProperty("markPrice").GetDecimal());
        Assert.Equal(7.0m, position.GetProperty("unrealizedPnl").GetDecimal());
        Assert.Equal(0.7m, position.GetProperty("unrealizedR").GetDecimal());
        Assert.Equal(10m, position.GetProperty("initialRiskUsd").GetDecimal());
        Assert.True(position.GetProperty("targets")[0].GetProperty("isFilled").GetBoolean());
        Assert.Equal("Long", position.GetProperty("direction").GetString());
        var shortPosition = Assert.Single(shorts.EnumerateArray());
        Assert.Equal(-7.0m, shortPosition.GetProperty("unrealizedPnl").GetDecimal());
        Assert.Equal(-0.7m, shortPosition.GetProperty("unrealizedR").GetDecimal());
        var closedPosition = Assert.Single(closedOnes.EnumerateArray());
        Assert.Equal(JsonValueKindNull, closedPosition.GetProperty("markPrice").ValueKind);
        Assert.Equal(5400m, position.GetProperty("ageSeconds").GetDecimal());
        Assert.Equal(420m, closedPosition.GetProperty("ageSeconds").GetDecimal());
        Assert.Equal(2, all.GetArrayLength());
    }

    [Fact]
    public async Task Position_WithAnUnreadableLadder_IsServedWithNoTargets()
    {
        var position = TestData.Position(TestData.NewSymbol());
        await using (var database = api.CreateDatabase())
        {
            database.Positions.Add(position);
            await database.SaveChangesAsync(TestData.Cancel);

            // Damaged outside the model: a ladder whose targets lack their fields.
            await database.Database.ExecuteSqlAsync(
                $"UPDATE positions SET targets_json = '[{{\"price\":110.0}}]'::jsonb WHERE position_id = {position.PositionId}", TestData.Cancel);
        }

        using var client = api.Client();
        using var found = await client.GetAsync($"/api/trading/positions/{position.PositionId}", TestData.Cancel);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(0, (await found.JsonAsync()).GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task Position_LadderAsTheExecutorWroteItBeforeTheTypedColumn_ReadsAsItsTargets()
    {
        var position = TestData.Position(TestData.NewSymbol());
        await using (var database = api.CreateDatabase())
        {
            database.Positions.Add(position);
            await database.SaveChangesAsync(TestData.Cancel);
            await database.Database.ExecuteSqlAsync($$"""
                UPDATE positions SET targets_json = '[{"name":"tp1","rewardMultiple":1.5,"price":107.5,"quantity":0.5,"isFilled":true},{"name":"tp2","rewardMultiple":3.0,"price":115.0,"quantity":1.5,"isFilled":false}]'::jsonb
                WHERE position_id = {{position.PositionId}}
                """, TestData.Cancel);
        }

        await using (var database = api.CreateDatabase())
        {
            var stored = await database.Positions.SingleAsync(row => row.PositionId == position.PositionId, TestData.Cancel);
            Assert.Equal(
                new[] { new TakeProfitTarget("tp1", 1.5m, 107.5m, 0.5m, IsFilled: true), new TakeProfitTarget("tp2", 3.0m, 115.0m, 1.5m) },
                stored.Targets);
        }
    }

    [Fact]
    public async Task TypedStatusColumns_StoreTheNamesTheExecutorAlwaysWrote_AndReadThemBack()
    {
        var symbol = TestData.NewSymbol();
        var position = TestData.Position(symbol, PositionRecordStatus.Closing);
        position.StopKind = StopKind.Breakeven;
        var order = TestData.Order(symbol, OrderPurpose.TakeProfit, TestData.Base, position.PositionId);
        (order.OrderType, order.Status) = (OrderStyle.Limit, OrderRecordStatus.PartiallyFilledCanceled);
        await using (var database = api.CreateDatabase())
        {
            database.AddRange(position, order);
            await database.SaveChangesAsync(TestData.Cancel);
            var storedPosition = await database.Database
                .SqlQuery<string>($"SELECT status || '/' || origin || '/' || stop_kind AS \"Value\" FROM positions WHERE position_id = {position.PositionId}")
                .SingleAsync(TestData.Cancel);
            var storedOrder = await database.Database
                .SqlQuery<string>($"SELECT purpose || '/' || order_type || '/' || status AS \"Value\" FROM orders WHERE order_id = {order.OrderId}")
                .SingleAsync(TestData.Cancel);
            Assert.Equal("Closing/Strategy/Breakeven", storedPosition);
            Assert.Equal("TakeProfit/Limit/PartiallyFilledCanceled", storedOrder);

            // A row written as text (as every executor before the enums did) reads as the member of that name.
            await database.Database.ExecuteSqlAsync($"UPDATE orders SET status = 'Untriggered', purpose = 'StopLoss', order_type = 'Stop' WHERE order_id = {order.OrderId}", TestData.Cancel);
        }

        await using (var database = api.CreateDatabase())
        {
            var read = await database.Orders.AsNoTracking().SingleAsync(row => row.OrderId == order.OrderId, TestData.Cancel);
            Assert.Equal((OrderPurpose.StopLoss, OrderStyle.Stop, OrderRecordStatus.Untriggered), (read.Purpose, read.OrderType, read.Status));
        }
    }

    [Fact]
    public async Task Position_ById_IsServedOr404()
    {
        var position = TestData.Position(TestData.NewSymbol());
        await using (var database = api.CreateDatabase())
        {
            database.Positions.Add(position);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        using var found = await client.GetAsync($"/api/trading/positions/{position.PositionId}", TestData.Cancel);
        using var missing = await client.GetAsync("/api/trading/positions/pos-nope", TestData.Cancel);
        using var invalid = await client.GetAsync("/api/trading/positions/%3Cscript%3E", TestData.Cancel);

        Assert.Equal(position.PositionId, (await found.JsonAsync()).GetProperty("positionId").GetString());
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
    }

    [Fact]
    public async Task Position_ShowsItsEntryPlanProgressAndItsDrift_DriftListedAndFiltered()
    {
        var symbol = TestData.NewSymbol();
        var position = TestData.Position(symbol, status: PositionRecordStatus.Opening);
        var plan = new EntryPlan([0.4m, 0.4m, 0.2m], TimeSpan.FromSeconds(5), TimeSpan.Zero, TimeSpan.FromSeconds(30), PassiveAllowed: false);
        position.EntryPlan = EntryProgress.Start(plan, TestData.Base);
        var first = TestData.Order(symbol, OrderPurpose.Entry, TestData.Base, position.PositionId);
        var second = TestData.Order(symbol, OrderPurpose.Entry, TestData.Base.AddSeconds(5), position.PositionId);
        (first.Quantity, first.FilledQuantity, second.Quantity, second.FilledQuantity, second.Status) = (0.4m, 0.4m, 0.4m, 0.1m, OrderRecordStatus.PartiallyFilled);
        DriftRecord Drift(string kind, DateTimeOffset at, string? positionId) => new()
        {
            DriftId = TestData.NewId("drift"), Kind = kind, Symbol = symbol, PositionId = positionId, OursQuantity = 0.5m, VenueQuantity = 0.5m,
            Action = "stop placed", FoundAt = at,
        };
        var older = Drift("unprotected", TestData.Base.AddMinutes(1), position.PositionId);
        var newer = Drift("size", TestData.Base.AddMinutes(2), position.PositionId);
        var external = Drift("external", TestData.Base.AddMinutes(3), null);
        await using (var database = api.CreateDatabase())
        {
            database.Positions.Add(position);
            database.Orders.AddRange(first, second);
            database.Drifts.AddRange(older, newer, external);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var view = await (await client.GetAsync($"/api/trading/positions/{position.PositionId}", TestData.Cancel)).ReadAsync<PositionView>();
        var listed = await (await client.GetAsync($"/api/trading/drift?symbol={symbol}", TestData.Cancel)).ReadAsync<Page<DriftView>>();
        var unprotected = await (await client.GetAsync($"/api/trading/drift?symbol={symbol}&kind=unprotected", TestData.Cancel)).ReadAsync<Page<DriftView>>();
        using var badKind = await client.GetAsync("/api/trading/drift?kind=gone", TestData.Cancel);

        Assert.Equal(new EntryPlanView(3, 1.0m, 2, 0.5m, false, TestData.Base, TestData.Base.AddSeconds(30), null), view.Entry);
        Assert.Equal([newer.DriftId, older.DriftId], view.Drift!.Select(drift => drift.DriftId));
        Assert.Equal([external.DriftId, newer.DriftId, older.DriftId], listed.Items.Select(drift => drift.DriftId));
        Assert.Equal(older.DriftId, Assert.Single(unprotected.Items).DriftId);
        Assert.Contains("kind", (await badKind.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task ClosePositionAndBreakeven_OpenPosition_SendTheCommands()
    {
        var position = TestData.Position(TestData.NewSymbol());
        await using (var database = api.CreateDatabase())
        {
            database.Positions.Add(position);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client(ApiFixture.OperatorKey);
        using var close = await client.PostAsJsonAsync($"/api/trading/positions/{position.PositionId}/close", new { percent = 50.5m }, TestData.Cancel);
        using var breakeven = await client.PostAsync($"/api/trading/positions/{position.PositionId}/breakeven", null, TestData.Cancel);

        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
        var closeCommand = api.Executor.Find((await close.JsonAsync()).GetProperty("commandId").GetString()!)!;
        Assert.Equal(EngineCommandKind.ClosePosition, closeCommand.Kind);
        Assert.Equal(position.PositionId, closeCommand.PositionId);
        Assert.Equal(50.5m, closeCommand.Percent);
        Assert.Equal(HttpStatusCode.Accepted, breakeven.StatusCode);
        var breakevenCommand = api.Executor.Find((await breakeven.JsonAsync()).GetProperty("commandId").GetString()!)!;
        Assert.Equal(EngineCommandKind.MoveStopToBreakeven, breakevenCommand.Kind);
        Assert.Equal(position.PositionId, breakevenCommand.PositionId);
    }

    [Fact]
    public async Task ClosePosition_BadPercentClosedOrMissing_IsRefusedWithoutACommand()
    {
        var closed = TestData.Position(TestData.NewSymbol(), PositionRecordStatus.Closed);
        var open = TestData.Position(TestData.NewSymbol());
        await using (var database = api.CreateDatabase())
        {
            database.Positions.AddRange(closed, open);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client(ApiFixture.OperatorKey);
        var before = api.Executor.Received.Count;
        using var tooMuch = await client.PostAsJsonAsync($"/api/trading/positions/{open.PositionId}/close", new { percent = 101 }, TestData.Cancel);
        using var zero = await client.PostAsJsonAsync($"/api/trading/positions/{open.PositionId}/close", new { percent = 0 }, TestData.Cancel);
        using var alreadyClosed = await client.PostAsJsonAsync($"/api/trading/positions/{closed.PositionId}/close", new { percent = 100 }, TestData.Cancel);
        using var missing = await client.PostAsync("/api/trading/positions/pos-nope/breakeven", null, TestData.Cancel);
        using var anonymous = await api.AnonymousClient().PostAsJsonAsync($"/api/trading/positions/{open.PositionId}/close", new { percent = 10 }, TestData.Cancel);

        Assert.NotEmpty((await tooMuch.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorsAt("$.percent"));
        Assert.NotEmpty((await zero.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).ErrorsAt("$.percent"));
        await alreadyClosed.AssertProblemAsync(HttpStatusCode.Conflict, ProblemTypes.Conflict);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        await Task.Delay(100, TestData.Cancel);
        Assert.Equal(before, api.Executor.Received.Count);
    }

    [Fact]
    public async Task OrdersAndFills_FilteredAndPaged()
    {
        var symbol = TestData.NewSymbol();
        var position = TestData.NewId("pos");
        var entry = TestData.Order(symbol, OrderPurpose.Entry, TestData.Base, position);
        var stop = TestData.Order(symbol, OrderPurpose.StopLoss, TestData.Base.AddMinutes(5), position);
        stop.Status = OrderRecordStatus.Untriggered;
        var exit = TestData.Order(symbol, OrderPurpose.Exit, TestData.Base.AddMinutes(10), position);
        await using (var database = api.CreateDatabase())
        {
            database.Orders.AddRange(entry, stop, exit);
            database.Fills.AddRange(TestData.Fill(entry, TestData.Base, 100.123456789m), TestData.Fill(exit, TestData.Base.AddMinutes(10), 104m));
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var orders = await (await client.GetAsync($"/api/trading/orders?symbol={symbol}&pageSize=2", TestData.Cancel)).JsonAsync();
        var untriggered = await (await client.GetAsync($"/api/trading/orders?symbol={symbol}&status=Untriggered", TestData.Cancel)).JsonAsync();
        var byPosition = await (await client.GetAsync($"/api/trading/orders?positionId={position}&purpose=entry", TestData.Cancel)).JsonAsync();
        using var unknownPurpose = await client.GetAsync($"/api/trading/orders?positionId={position}&purpose=Hedge", TestData.Cancel);
        using var combinedPurposes = await client.GetAsync($"/api/trading/orders?positionId={position}&purpose=Entry,Exit", TestData.Cancel);
        var fills = await (await client.GetAsync($"/api/trading/fills?symbol={symbol}", TestData.Cancel)).JsonAsync();
        var entryFills = await (await client.GetAsync($"/api/trading/fills?orderId={entry.OrderId}", TestData.Cancel)).JsonAsync();

        Assert.Equal(3, orders.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, orders.GetProperty("totalPages").GetInt32());
        Assert.Equal(exit.OrderId, orders.GetProperty("items")[0].GetProperty("orderId").GetString());
        Assert.Equal(stop.OrderId, untriggered.GetProperty("items")[0].GetProperty("orderId").GetString());
        Assert.Equal(entry.OrderId, Assert.Single(byPosition.GetProperty("items").EnumerateArray()).GetProperty("orderId").GetString());
        // A purpose that is not one is refused, naming the ones there are (it used to match nothing and look like "no orders").
        var unknownPurposeErrors = (await unknownPurpose.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation)).GetProperty("errors").GetProperty("purpose");
        Assert.Contains("Entry, AddOn, StopLoss, TakeProfit, Exit", unknownPurposeErrors[0].GetString(), StringComparison.Ordinal);
        await combinedPurposes.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
        Assert.Equal(2, fills.GetProperty("totalCount").GetInt32());
        Assert.Equal(100.123456789m, Assert.Single(entryFills.GetProperty("items").EnumerateArray()).GetProperty("price").GetDecimal());
        Assert.Equal("Taker", entryFills.GetProperty("items")[0].GetProperty("liquidity").GetString());
    }

    [Fact]
    public async Task TradesAndCsv_FilteredWithFullPrecisionAndSafeCells()
    {
        var symbol = TestData.NewSymbol();
        var win = TestData.Trade(symbol, 12.345678901234m, 1.2345678m, TestData.Base.AddHours(1));
        var loss = TestData.Trade(symbol, -10m, -1m, TestData.Base.AddHours(2), exitReason: "=HYPERLINK(\"http://x\")");
        await using (var database = api.CreateDatabase())
        {
            database.Trades.AddRange(win, loss);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        using var client = api.Client();
        var trades = await (await client.GetAsync($"/api/trading/trades?symbol={symbol}&pageSize=1", TestData.Cancel)).JsonAsync();
        var longs = await (await client.GetAsync($"/api/trading/trades?symbol={symbol}&direction=long&exitReason=TakeProfit", TestData.Cancel)).JsonAsync();
        using var csvResponse = await client.GetAsync($"/api/trading/trades.csv?symbol={symbol}", TestData.Cancel);
        var csv = await csvResponse.Content.ReadAsStringAsync(TestData.Cancel);

        Assert.Equal(2, trades.GetProperty("totalCount").GetInt32());
        Assert.Equal(loss.TradeId, trades.GetProperty("items")[0].GetProperty("tradeId").GetString());
        Assert.Equal(win.TradeId, Assert.Single(longs.GetProperty("items").EnumerateArray()).GetProperty("tradeId").GetString());
        Assert.Equal(12.345678901234m, longs.GetProperty("items")[0].GetProperty("realizedPnl").GetDecimal());
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Trading.TradeCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",12.345678901234,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2026-11-20T11:00:00.0000000Z,", lines[1] + ",", StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[2], StringComparison.Ordinal);
        Assert.Contains(",-10,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protection_ReportsExposureOrphanAndUnknownOrders_PerRangeAndPerPosition()
    {
        var symbol = TestData.NewSymbol();
        var openedAt = new DateTimeOffset(2003, 3, 3, 3, 0, 0, TimeSpan.Zero);
        var closed = TestData.Position(symbol, PositionRecordStatus.Closed);
        closed.OpenedAt = openedAt;
        closed.UnprotectedSeconds = 0.4m;
        closed.LongestUnprotectedSeconds = 0.4m;
        var exposed = TestData.Position(symbol);
        exposed.OpenedAt = openedAt.AddMinutes(1);
        exposed.UnprotectedSeconds = 1.5m;
        exposed.LongestUnprotectedSeconds = 1.5m;
        exposed.UnprotectedSince = DateTimeOffset.UtcNow.AddMinutes(-10);
        using var client = api.Client();
        var before = await (await client.GetAsync("/api/trading/protection", TestData.Cancel)).JsonAsync();

        // A stop still resting for the closed position (an orphan) and an order whose outcome is not known yet.
        var orphan = TestData.Order(symbol, OrderPurpose.StopLoss, openedAt, closed.PositionId);
        orphan.Status = OrderRecordStatus.Untriggered;
        orphan.FilledQuantity = 0m;
        var unknown = TestData.Order(symbol, OrderPurpose.StopLoss, openedAt, exposed.PositionId);
        unknown.Status = OrderRecordStatus.Pending;
        unknown.FilledQuantity = 0m;
        await using (var database = api.CreateDatabase())
        {
            database.Positions.AddRange(closed, exposed);
            database.Orders.AddRange(orphan, unknown);
            await database.SaveChangesAsync(TestData.Cancel);
        }

        var report = await (await client.GetAsync("/api/trading/protection?from=2003-03-03T02:59:00Z&to=2003-03-03T03:05:00Z", TestData.Cancel)).JsonAsync();
        var after = await (await client.GetAsync("/api/trading/protection", TestData.Cancel)).JsonAsync();
        var position = await (await client.GetAsync($"/api/trading/positions/{exposed.PositionId}", TestData.Cancel)).JsonAsync();
        using var reversed = await client.GetAsync("/api/trading/protection?from=2003-03-04T00:00:00Z&to=2003-03-03T00:00:00Z", TestData.Cancel);

        Assert.Equal(2, report.GetProperty("positions").GetInt32());
        Assert.Equal(1, report.GetProperty("unprotectedPositions").GetInt32());
        var longest = report.GetProperty("maxUnprotectedSeconds").GetDecimal();
        Assert.InRange(longest, 600m, 3_600m);
        Assert.InRange(report.GetProperty("totalUnprotectedSeconds").GetDecimal(), longest + 1.9m - 0.001m, longest + 1.9m + 0.001m);
        Assert.Equal(before.GetProperty("orphanOrders").GetInt32() + 1, after.GetProperty("orphanOrders").GetInt32());
        Assert.Equal(before.GetProperty("unknownOrders").GetInt32() + 1, after.GetProperty("unknownOrders").GetInt32());
        Assert.NotEqual(JsonValueKindNull, position.GetProperty("unprotectedSince").ValueKind);
        Assert.True(position.GetProperty("unprotectedSeconds").GetDecimal() >= 601.5m);
        await reversed.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.Validation);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
