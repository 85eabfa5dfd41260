using System.Net;
using BreakoutBot.Api.Errors;

namespace BreakoutBot.Api.Tests;

public sealed class ConfigurationTests(ApiFixture api)
{
    [Fact]
    public async Task ReadRequiresKey_False_ReadsAreOpenButMutationsStillNeedAKey_ASecondInstanceStillGetsItsAcknowledgements()
    {
        var (factory, address) = await api.StartApiAsync(new Dictionary<string, string> { ["Api:ReadRequiresKey"] = "false" });
        await using var _ = factory;
        using var anonymous = new HttpClient { BaseAddress = address };
        using var keyed = new HttpClient { BaseAddress = address };
        keyed.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.WebKey);

        using var read = await anonymous.GetAsync("/api/trading/positions", TestData.Cancel);
        using var refused = await anonymous.PostAsync("/api/engine/resume", null, TestData.Cancel);
        using var health = await anonymous.GetAsync("/alive", TestData.Cancel);
        using var command = await keyed.PostAsync("/api/engine/resume", null, TestData.Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, command.StatusCode);
    }

    [Fact]
    public async Task ShortKey_RefusesToStartNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => api.StartApiAsync(new Dictionary<string, string> { ["Api:Keys:weak"] = "short" }));

        Assert.Contains("Api:Keys:weak", Flatten(error), StringComparison.Ordinal);
        Assert.DoesNotContain("short\"", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOption_RefusesToStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => api.StartApiAsync(new Dictionary<string, string> { ["Api:CommandTimeout"] = "00:10:00" }));

        Assert.Contains("CommandTimeout", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DependenciesDown_AreA503ProblemNotA500()
    {
        var (factory, address) = await api.StartApiAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:redis"] = "127.0.0.1:1,abortConnect=false,connectTimeout=200,asyncTimeout=500,syncTimeout=500",
                ["ConnectionStrings:breakoutdb"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=breakoutdb;Timeout=1",
                ["Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:DisableRetry"] = "true",
            },
            waitForEvents: false);
        await using var _ = factory;
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFixture.ViewerKey);

        using var scan = await client.GetAsync("/api/scanner/latest", TestData.Cancel);
        using var trades = await client.GetAsync("/api/trading/trades", TestData.Cancel);

        await scan.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemTypes.DependencyUnavailable);
        await trades.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemTypes.DependencyUnavailable);
    }

    private static string Flatten(Exception exception) => exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
