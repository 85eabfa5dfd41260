using System.Text.Json;

namespace BreakoutBot.Contracts.Events;

/// <summary>
/// One event as hub clients receive it (client method name = <paramref name="Type"/>) and as <c>GET /api/events</c>
/// returns it. <paramref name="EntryId"/> is the Redis stream entry id within <paramref name="Stream"/>: a client
/// keeps the last one per stream and asks for what came after it when it reconnects.
/// </summary>
/// <param name="Payload">The message record in camelCase, e.g. an <c>OrderUpdated</c>.</param>
public sealed record HubEvent(
    string Stream,
    string EntryId,
    string Type,
    int Version,
    string MessageId,
    DateTimeOffset OccurredAt,
    string CorrelationId,
    JsonElement Payload);
