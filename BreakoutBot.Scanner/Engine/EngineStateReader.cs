using System.Text.Json;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;
using StackExchange.Redis;

namespace BreakoutBot.Scanner.Engine;

/// <summary>
/// The engine state as the Executor last published it (<c>engine:state</c>). The scanner follows the Executor's
/// acknowledged state rather than raw operator commands: a refused command (an invalid transition) must not change
/// what the scanner does. Signals are emitted only while the engine runs; otherwise data stays fresh.
/// </summary>
public sealed class EngineStateReader(IConnectionMultiplexer redis)
{
    public async Task<EngineStateChanged?> ReadAsync()
    {
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.EngineState);
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EngineStateChanged>(value.ToString(), MessageJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Null when signals may be emitted, else why not.</summary>
    public static string? SignalsDisabledReason(EngineStateChanged? state) => state switch
    {
        null => "the engine has not reported its state yet",
        { State: "Running" } => null,
        _ => $"the engine is {state.State}",
    };
}
