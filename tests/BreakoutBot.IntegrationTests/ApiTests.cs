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
