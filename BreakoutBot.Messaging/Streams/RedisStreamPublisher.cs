using System.Diagnostics;
using System.Text.Json;
using BreakoutBot.Messaging.Messages;
using StackExchange.Redis;

namespace BreakoutBot.Messaging.Streams;

/// <summary>
/// Appends messages to a Redis stream (XADD, trimmed approximately to <see cref="MaxStreamLength"/>) with the current
/// span's W3C trace context, then wakes the stream's consumers through pub/sub.
/// </summary>
public sealed class RedisStreamPublisher(IConnectionMultiplexer redis, TimeProvider clock)
{
    /// <summary>Streams are bounded: the database is the archive, the stream is the conveyor.</summary>
    public const int MaxStreamLength = 100_000;

    internal const string EnvelopeField = "envelope";

    /// <summary>Publishes <paramref name="message"/>; returns the stream entry id.</summary>
    public async Task<string> PublishAsync<T>(string stream, T message, string correlationId, DateTimeOffset? occurredAt = null)
        where T : class, IMessage
    {
        var envelope = Wrap(message, correlationId, occurredAt ?? clock.GetUtcNow());
        return await PublishEnvelopeAsync(stream, envelope);
    }

    /// <summary>Publishes an envelope built earlier (the outbox keeps envelopes until they are sent).</summary>
    public async Task<string> PublishEnvelopeAsync(string stream, MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var database = redis.GetDatabase();
        var json = JsonSerializer.Serialize(envelope, MessageJson.Options);
        var id = await database.StreamAddAsync(stream, EnvelopeField, json, maxLength: MaxStreamLength, useApproximateMaxLength: true);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(RedisKeys.StreamNotification(stream)), id);
        return id.ToString();
    }

    /// <summary>
    /// Publishes <paramref name="message"/> unless <paramref name="onceKey"/> exists, and sets that key, in one atomic
    /// step (a Lua script): a restarted publisher can never add the same fact twice. Returns the entry id, or null when
    /// it had been published before.
    /// </summary>
    public async Task<string?> PublishOnceAsync<T>(string stream, T message, string correlationId, string onceKey, TimeSpan remember, DateTimeOffset? occurredAt = null)
        where T : class, IMessage
    {
        var envelope = Wrap(message, correlationId, occurredAt ?? clock.GetUtcNow());
        var json = JsonSerializer.Serialize(envelope, MessageJson.Options);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            PublishOnceScript,
            [onceKey, stream],
            [(long)remember.TotalSeconds, MaxStreamLength, EnvelopeField, json]);
        if (result.IsNull)
        {
            return null;
        }

        var id = (string)result!;
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(RedisKeys.StreamNotification(stream)), id);
        return id;
    }

    private const string PublishOnceScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
          return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', ARGV[3], ARGV[4])
        end
        return false
        """;

    /// <summary>Builds the envelope of <paramref name="message"/> with the ambient trace context.</summary>
    public static MessageEnvelope Wrap<T>(T message, string correlationId, DateTimeOffset occurredAt) where T : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        var (name, version) = MessageContracts.Of(typeof(T));
        var activity = Activity.Current;
        return new MessageEnvelope(
            message.MessageId,
            name,
            version,
            occurredAt,
            correlationId,
            activity?.Id,
            activity?.TraceStateString,
            JsonSerializer.SerializeToElement(message, MessageJson.Options));
    }
}
