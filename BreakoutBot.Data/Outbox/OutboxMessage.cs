namespace BreakoutBot.Data.Outbox;

/// <summary>
/// A stream message written in the same transaction as the state change it reports, published afterwards: a crash
/// between the two loses nothing (it is sent on restart) and the message id lets consumers drop a resend.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Stream { get; set; }

    public required string MessageId { get; set; }

    /// <summary>The serialized <c>MessageEnvelope</c>.</summary>
    public required string EnvelopeJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}
