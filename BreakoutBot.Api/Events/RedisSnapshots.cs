using System.Text.Json;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using StackExchange.Redis;

namespace BreakoutBot.Api.Events;

/// <summary>The latest-value keys the Scanner and Executor keep in Redis (<c>scan:latest</c>, <c>scanner:status</c>, <c>engine:state</c>).</summary>
public sealed class RedisSnapshots(IConnectionMultiplexer redis)
{
    public Task<ScanSnapshot?> ScanLatestAsync() => ReadAsync<ScanSnapshot>(RedisKeys.ScanLatest);

    public Task<ScannerStatus?> ScannerStatusAsync() => ReadAsync<ScannerStatus>(RedisKeys.ScannerStatus);

    public Task<EngineStateChanged?> EngineStateAsync() => ReadAsync<EngineStateChanged>(RedisKeys.EngineState);

    /// <summary>The key's value, or null when it is missing or unreadable (a value of a newer shape must not break a page).</summary>
    private async Task<T?> ReadAsync<T>(string key) where T : class
    {
        var raw = await redis.GetDatabase().StringGetAsync(key);
        if (raw.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(raw.ToString(), MessageJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
