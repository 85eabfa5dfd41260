using System.Text.Json;

namespace BreakoutBot.Messaging.Streams;

/// <summary>
/// What travels on a stream: a versioned message with its identity, time, correlation and W3C trace context.
/// </summary>
/// <param name="Id">Unique message id chosen by the publisher (consumers deduplicate on it).</param>
/// <param name="Type">The message's contract name, e.g. <c>SignalDetected</c>.</param>
/// <param name="Version">Contract version; a consumer refuses versions it does not know.</param>
/// <param name="OccurredAt">When the fact happened (not when it was sent).</param>
/// <param name="CorrelationId">Ties the messages of one chain (a signal and everything it causes) together.</param>
/// <param name="TraceParent">W3C traceparent of the publishing span, or null.</param>
/// <param name="TraceState">W3C tracestate, or null.</param>
/// <param name="Payload">The message body as JSON.</param>
public sealed record MessageEnvelope(
    string Id,
    string Type,
    int Version,
    DateTimeOffset OccurredAt,
    string CorrelationId,
    string? TraceParent,
    string? TraceState,
    JsonElement Payload)
{
    public T PayloadAs<T>() where T : class =>
        Payload.Deserialize<T>(MessageJson.Options) ?? throw new JsonException($"message {Id} of type {Type} has an empty payload");
}
