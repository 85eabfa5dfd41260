namespace BreakoutBot.Messaging.Messages;

/// <summary>The engine moved to a new state (also stored under <c>engine:state</c>).</summary>
public sealed record EngineStateChanged(
    string EventId,
    string State,
    string Mode,
    string? PresetName,
    int? PresetVersion,
    DateTimeOffset Since,
    string? Reason) : IMessage
{
    public string MessageId => EventId;
}
