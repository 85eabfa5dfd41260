namespace BreakoutBot.Messaging.Messages;

/// <summary>A message contract: its name and version travel in the <see cref="Streams.MessageEnvelope"/>.</summary>
public interface IMessage
{
    /// <summary>Unique id of this fact; publishing it twice must change nothing the second time.</summary>
    string MessageId { get; }
}
