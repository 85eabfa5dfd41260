using System.Diagnostics;

namespace BreakoutBot.Messaging.Streams;

/// <summary>Continues the publisher's trace in the consumer, so one trace runs across processes.</summary>
public static class MessageTracing
{
    /// <summary>Starts a consumer span whose parent is the span that published <paramref name="envelope"/>.</summary>
    public static Activity? StartConsumerActivity(ActivitySource source, MessageEnvelope envelope, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(envelope);
        ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, out var parent);
        var activity = source.StartActivity(name, ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.message.id", envelope.Id);
        activity?.SetTag("messaging.message.type", envelope.Type);
        activity?.SetTag("breakoutbot.correlation_id", envelope.CorrelationId);
        return activity;
    }
}
