namespace BreakoutBot.Data.Trading;

/// <summary>
/// A difference reconciliation found between the venue and our books, kept once per new or changed finding (the same
/// finding repeated round after round is one row). <see cref="Kind"/>: <c>external</c>, <c>size</c>, <c>missing</c>
/// or <c>unprotected</c>; quantities are signed (long positive); <see cref="Action"/> says what the executor did.
/// <see cref="PositionId"/> is the position of ours it concerns, when there is one.
/// </summary>
public sealed class DriftRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    /// <summary>The <c>ReconciliationDrift</c> event's id (the row and the stream message are one finding).</summary>
    public required string DriftId { get; set; }

    public required string Kind { get; set; }

    public required string Symbol { get; set; }

    public string? PositionId { get; set; }

    public decimal OursQuantity { get; set; }

    public decimal VenueQuantity { get; set; }

    public required string Action { get; set; }

    /// <summary>When it was found, on the venue's clock (as fills and candles are).</summary>
    public DateTimeOffset FoundAt { get; set; }
}
