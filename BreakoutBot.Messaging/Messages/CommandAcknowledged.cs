namespace BreakoutBot.Messaging.Messages;

/// <summary>The Executor's answer to an <see cref="EngineCommand"/>: accepted, or refused with a reason.</summary>
public sealed record CommandAcknowledged(
    string CommandId,
    EngineCommandKind Kind,
    bool Accepted,
    string? Reason,
    string EngineState,
    DateTimeOffset At) : IMessage
{
    public string MessageId => $"ack:{CommandId}";
}
