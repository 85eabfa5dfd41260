using BreakoutBot.Messaging.Streams;
using StackExchange.Redis;

namespace BreakoutBot.IntegrationTests;

/// <summary>
/// Redis as the running application uses it: each service connected as its own ACL user (Local mode), and none of them
/// ever refused — the rules allow everything the services do, and nothing more (see RedisAccessTests).
/// </summary>
public class RedisAccessInTheApplicationTests(DistributedAppFixture fixture)
{
    [Fact]
    public async Task EveryServiceIsConnectedAsItsOwnUser_AndRedisRefusedNoneOfThem()
    {
        // Wait until the services have worked: a scan published (scanner) and the engine's state (executor).
        var database = (await fixture.RedisAsync()).GetDatabase();
        for (var attempt = 0; attempt < 180 && !(await database.KeyExistsAsync(RedisKeys.ScanLatest) && await database.KeyExistsAsync(RedisKeys.EngineState)); attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }

        var connectionString = await fixture.App.GetConnectionStringAsync("redis", TestContext.Current.CancellationToken);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var server = admin.GetServers()[0];

        var users = ((RedisResult[])(await server.ExecuteAsync("ACL", "USERS"))!).Select(user => (string)user!).ToList();
        var clients = (string)(await server.ExecuteAsync("CLIENT", "LIST"))!;
        var refusals = ((RedisResult[])(await server.ExecuteAsync("ACL", "LOG"))!).Select(Describe).ToList();

        Assert.Subset(users.ToHashSet(), new HashSet<string> { "scanner", "executor", "api" });
        foreach (var user in new[] { "scanner", "executor", "api" })
        {
            Assert.Contains($" user={user} ", clients, StringComparison.Ordinal);
        }

        Assert.True(refusals.Count == 0, "Redis refused a service: " + string.Join(" | ", refusals));
    }

    /// <summary>An ACL LOG entry (pairs of field and value) as one readable line.</summary>
    private static string Describe(RedisResult entry)
    {
        var fields = (RedisResult[])entry!;
        return string.Join(", ", Enumerable.Range(0, fields.Length / 2).Select(index => $"{fields[2 * index]}={fields[(2 * index) + 1]}"));
    }
}
