using System.Net;
using BreakoutBot.Messaging.Streams;

namespace BreakoutBot.IntegrationTests;

public class ApiTests(DistributedAppFixture fixture)
{
    [Fact]
    public async Task Health_ReadinessChecks_ReachPostgresAndRedis()
    {
        using var client = fixture.App.CreateHttpClient("api");

        using var health = await client.GetJsonAsync("/health");

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var checks = health.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["TradingDbContext"]);
        Assert.Equal("Healthy", checks["StackExchange.Redis"]);
    }

    [Fact]
    public async Task Alive_Liveness_AnswersHealthy()
    {
        using var client = fixture.App.CreateHttpClient("api");

        using var alive = await client.GetJsonAsync("/alive");

        Assert.Equal("Healthy", alive.RootElement.GetProperty("status").GetString());
        Assert.Single(alive.RootElement.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task MalformedStreamEntries_ApiAndExecutorReadPastThem_CommandsStillAnswered()
    {
        var redis = (await fixture.RedisAsync()).GetDatabase();
        (string Field, string Value)[] malformed =
        [
            ("envelope", "{not json"),
            ("envelope", """{"type":"EngineCommand","version":99,"payload":[1,2,3]}"""),
            ("envelope", """{"type":"SignalDetected","version":1,"payload":{"symbol":42}}"""),
            ("envelope", new string('[', 100_000)),
            ("something-else", "42"),
        ];
        foreach (var stream in (string[])[StreamNames.TradingEvents, StreamNames.Commands, StreamNames.Signals])
        {
            for (var i = 0; i < 100; i++)
            {
                await redis.StreamAddAsync(stream, malformed[i % malformed.Length].Field, malformed[i % malformed.Length].Value);
            }
        }

        // A command now goes through the executor (past the bad commands) and its answer through the Api's event reader
        // (past the bad events): 202 or 409 are answers, 504 would mean one of them stopped reading.
        using var client = fixture.App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add("X-Api-Key", DistributedAppFixture.AutomationApiKey);
        using var resume = await client.PostAsync(new Uri("/api/engine/resume", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var health = await client.GetJsonAsync("/health");

        Assert.True(resume.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"resume answered {(int)resume.StatusCode}: {await resume.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("api", out var api) && api.Snapshot.State?.Text == "Running", "the api process is still running");
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("executor", out var executor) && executor.Snapshot.State?.Text == "Running", "the executor process is still running");
    }

    [Fact]
    public async Task Info_ReportsProductVersionAndModes_ToTheConsolesKeyOnly()
    {
        using var client = fixture.App.CreateHttpClient("api");
        using var anonymous = await client.GetAsync(new Uri("/api/info", UriKind.Relative), TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Add("X-Api-Key", DistributedAppFixture.ConsoleApiKey);

        using var info = await client.GetJsonAsync("/api/info");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);

        Assert.Equal("BreakoutBot", info.RootElement.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", info.RootElement.GetProperty("version").GetString());
        Assert.Equal("sim", info.RootElement.GetProperty("tradingMode").GetString());
        Assert.Equal("Local", info.RootElement.GetProperty("infrastructureMode").GetString());
    }
}
