namespace BreakoutBot.Messaging.Messages;

/// <summary>
/// Reconciliation found the venue and the executor's books apart. <see cref="Kind"/>: <c>external</c> (a venue position
/// we did not open), <c>size</c> (ours and the venue's differ), <c>missing</c> (ours is open, the venue shows none: it
/// was closed outside the executor), <c>unprotected</c> (an open position without a working venue stop). Quantities
/// are signed (long positive); <see cref="Action"/> says what the executor did about it; <see cref="PositionId"/> is the
/// position of ours it concerns (an external one included), absent in messages written before it existed.
/// </summary>
public sealed record ReconciliationDrift(
    string EventId, string Kind, string Symbol, decimal OursQuantity, decimal VenueQuantity, string Action, DateTimeOffset At) : IMessage
{
    public string MessageId => EventId;

    public string? PositionId { get; init; }
}
