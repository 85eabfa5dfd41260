namespace BreakoutBot.Messaging.Streams;

/// <summary>One stream entry handed to a consumer: the envelope, or why it could not be read.</summary>
/// <param name="EntryId">The Redis stream entry id (what gets acknowledged).</param>
/// <param name="Envelope">The decoded envelope; null when the entry was unreadable (see <paramref name="Error"/>).</param>
/// <param name="DeliveryCount">How often the group has delivered the entry (1 on first delivery).</param>
public sealed record ReceivedMessage(string EntryId, MessageEnvelope? Envelope, string? Error, long DeliveryCount);
