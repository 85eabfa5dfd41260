namespace BreakoutBot.Messaging.Messages;

/// <summary>The kill switch tripped or was reset.</summary>
public sealed record KillSwitchChanged(string EventId, bool Tripped, string? Reason, DateTimeOffset At) : IMessage
{
    public string MessageId => EventId;
}
