using System.Text.Json;
using BreakoutBot.Data;
using BreakoutBot.Data.Outbox;
using BreakoutBot.Messaging.Messages;
using BreakoutBot.Messaging.Streams;

namespace BreakoutBot.Executor.Persistence;

/// <summary>Adds a stream message to the unit of work that causes it, so both commit or neither does.</summary>
internal static class Outbox
{
    public static void Add<T>(TradingDbContext database, string stream, T message, string correlationId, DateTimeOffset now)
        where T : class, IMessage
    {
        var envelope = RedisStreamPublisher.Wrap(message, correlationId, now);
        database.Outbox.Add(new OutboxMessage
        {
            Stream = stream,
            MessageId = envelope.Id,
            EnvelopeJson = JsonSerializer.Serialize(envelope, MessageJson.Options),
            CreatedAt = now,
        });
    }

    public static void Event<T>(TradingDbContext database, T message, string correlationId, DateTimeOffset now)
        where T : class, IMessage =>
        Add(database, StreamNames.TradingEvents, message, correlationId, now);
}
