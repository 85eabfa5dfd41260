namespace BreakoutBot.Data.Trading;

/// <summary>
/// Where an order of ours is (the orders table's <c>status</c> column, stored as the member's name): <see cref="Pending"/>
/// while the venue has not confirmed it, then Bybit's <c>orderStatus</c> as last reported.
/// </summary>
public enum OrderRecordStatus
{
    /// <summary>Recorded and sent (or about to be); the venue has not shown it yet, or its answer was lost.</summary>
    Pending,

    /// <summary>Accepted by the venue, not yet through its matching engine.</summary>
    Created,

    /// <summary>Resting on the book, nothing filled.</summary>
    New,

    PartiallyFilled,

    Filled,

    Cancelled,

    /// <summary>Cancelled after part of it filled (Bybit reports this for derivatives as well as Cancelled).</summary>
    PartiallyFilledCanceled,

    /// <summary>Refused: only the venue's word that the order does not exist books this.</summary>
    Rejected,

    /// <summary>A conditional order waiting for its trigger price.</summary>
    Untriggered,

    /// <summary>A conditional order whose trigger fired: it is now a market order on its way to the book.</summary>
    Triggered,

    /// <summary>A conditional order cancelled before its trigger fired.</summary>
    Deactivated,

    /// <summary>A conditional order that is active at the venue (Bybit uses it for some TP/SL orders).</summary>
    Active,
}

/// <summary>Questions about an <see cref="OrderRecordStatus"/>, and reading the venue's word for one.</summary>
public static class OrderRecordStatusExtensions
{
    /// <summary>No further change can come from the venue.</summary>
    public static bool IsTerminal(this OrderRecordStatus status) => status is OrderRecordStatus.Filled or OrderRecordStatus.Cancelled
        or OrderRecordStatus.Rejected or OrderRecordStatus.Deactivated or OrderRecordStatus.PartiallyFilledCanceled;

    /// <summary>The venue has confirmed the order and it can still act: resting, untriggered or partly filled.</summary>
    public static bool IsWorking(this OrderRecordStatus status) => status != OrderRecordStatus.Pending && !status.IsTerminal();

    /// <summary>
    /// The status a venue's <c>orderStatus</c> text names (exactly, as Bybit spells it); null for anything else, including
    /// <see cref="OrderRecordStatus.Pending"/>, which is ours and never the venue's.
    /// </summary>
    public static OrderRecordStatus? FromVenue(string? venueStatus) =>
        venueStatus is { Length: > 0 } text && char.IsAsciiLetterUpper(text[0]) && text.All(char.IsAsciiLetter)
            && Enum.TryParse<OrderRecordStatus>(text, ignoreCase: false, out var status) && status != OrderRecordStatus.Pending
            ? status
            : null;
}
