using System.Net;
using BreakoutBot.Web.ApiClients;
using BreakoutBot.Web.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Web.Tests;

public class ApiClientTests
{
    private static readonly FixedConsolePeople Operator = new(new ConsolePerson("olga", "operator", null));

    [Fact]
    public async Task Command_Unauthorized_SaysTheConsoleHasNoValidKey()
    {
        var stub = new StubApiHandler().On(HttpMethod.Post, "/api/engine/pause", """{"title":"Unauthorized","status":401}""", HttpStatusCode.Unauthorized);
        var client = new BreakoutBotApiClient(new HttpClient(stub) { BaseAddress = new Uri("http://api.test") }, Operator, NullLogger<BreakoutBotApiClient>.Instance);

        var result = await client.PauseEngineAsync(Xunit.TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.Problem.Status);
        Assert.Contains("API key", result.Problem.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_DefinesNoCopyOfAnApiBodyType()
    {
        // The console reads the Api with BreakoutBot.Contracts' types; a same-named type of its own would be a copy
        // that can drift from what the Api writes.
        var contracts = typeof(BreakoutBot.Contracts.ContractJson).Assembly.GetExportedTypes().Select(type => type.Name).ToHashSet();
        var copies = typeof(BreakoutBotApiClient).Assembly.GetTypes().Where(type => contracts.Contains(type.Name)).Select(type => type.FullName).ToList();
        Assert.True(contracts.Count > 30, $"{contracts.Count} contract types");
        Assert.True(copies.Count == 0, "copies of contract types in the console: " + string.Join(", ", copies));
    }

    [Fact]
    public async Task Close_SendsTheContractBody_AndReadsEnumsByName()
    {
        var stub = new StubApiHandler()
            .On(HttpMethod.Post, "/api/trading/positions/p1/close", """{"commandId":"c1","kind":"ClosePosition","accepted":true,"reason":null,"engineState":"Running","acknowledgedAt":"2026-12-06T10:00:00Z"}""", HttpStatusCode.Accepted)
            .Get("/api/trading/positions", """[{"positionId":"p1","signalId":null,"symbol":"SIMAUSDT","direction":"Short","status":"Open","origin":"Signal","entryPrice":1,"initialStop":1.1,"stop":1.1,"stopKind":"Initial","originalQuantity":1,"openQuantity":1,"markPrice":null,"unrealizedPnl":null,"unrealizedR":null,"initialRiskUsd":0.1,"realizedPnl":0,"fees":0,"targets":[],"barsHeld":0,"openedAt":"2026-12-06T10:00:00Z","closedAt":null,"exitReason":null}]""");
        var client = new BreakoutBotApiClient(new HttpClient(stub) { BaseAddress = new Uri("http://api.test") }, Operator, NullLogger<BreakoutBotApiClient>.Instance);

        await client.ClosePositionAsync("p1", 50m, Xunit.TestContext.Current.CancellationToken);
        var positions = await client.PositionsAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("""{"percent":50}""", stub.Requests.First().Body);
        Assert.Equal(BreakoutBot.Domain.Trading.PositionDirection.Short, Assert.Single(positions.Value!).Direction);
    }

    [Fact]
    public async Task Request_WithKey_SendsItAsHeaderOnly()
    {
        var stub = new StubApiHandler().Get("/api/engine/status", "{}");
        var handler = new ApiKeyHandler(Options.Create(new WebApiOptions { Key = "0123456789abcdef-secret" })) { InnerHandler = new HeaderRecorder(stub) };
        var client = new BreakoutBotApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test") }, Operator, NullLogger<BreakoutBotApiClient>.Instance);

        await client.EngineStatusAsync(Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("0123456789abcdef-secret", HeaderRecorder.Last);
        Assert.DoesNotContain("secret", Assert.Single(stub.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ResilienceGivesUp_IsAProblemNotAnException()
    {
        var client = new BreakoutBotApiClient(new HttpClient(new Throwing()) { BaseAddress = new Uri("http://api.test") }, Operator, NullLogger<BreakoutBotApiClient>.Instance);

        var result = await client.ChartAsync("SIMAUSDT", "5", 200, Xunit.TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("no answer in time", result.Problem.Detail);
        Assert.Null(result.Problem.Status);
    }

    [Fact]
    public void Query_SkipsNullsAndFormatsInvariant()
    {
        var query = BreakoutBotApiClient.Query(("symbol", null), ("from", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1))), ("bucket", 0.5m));

        Assert.Equal("?from=2026-01-02T02%3A04%3A05Z&bucket=0.5", query);
    }

    private sealed class Throwing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new Polly.Timeout.TimeoutRejectedException("total request timeout");
    }

    private sealed class HeaderRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public static string? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request.Headers.TryGetValues(ApiKeyHandler.HeaderName, out var values) ? values.Single() : null;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
