namespace BreakoutBot.Contracts.Trading;

/// <summary>
/// A difference reconciliation found between the venue and our books (the <c>ReconciliationDrift</c> event, as stored).
/// </summary>
/// <param name="Kind"><c>external</c> (a venue position we did not open), <c>size</c> (ours and the venue's differ),
/// <c>missing</c> (closed outside the executor) or <c>unprotected</c> (no working venue stop).</param>
/// <param name="OursQuantity">Our open quantity, signed (long positive).</param>
/// <param name="VenueQuantity">The venue's, signed.</param>
/// <param name="Action">What the executor did about it.</param>
/// <param name="FoundAt">When the executor found it (the venue's time in sim).</param>
public sealed record DriftView(
    string DriftId, string Kind, string Symbol, string? PositionId, decimal OursQuantity, decimal VenueQuantity, string Action, DateTimeOffset FoundAt);
