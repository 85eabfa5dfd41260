using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Executor.Trading;

/// <summary>What reconciliation found for one symbol (quantities signed: long positive, short negative).</summary>
internal sealed record ReconciliationFinding(ReconciliationFindingKind Kind, string Symbol, decimal OursQuantity, decimal VenueQuantity, PositionRecord? Position, VenuePosition? Venue);

/// <summary>The kinds of difference between our books and the venue's positions.</summary>
internal enum ReconciliationFindingKind
{
    /// <summary>We manage a position in the symbol and the venue holds another size: reported, we keep managing ours.</summary>
    SizeDiffers,

    /// <summary>The venue holds a position we do not manage (or our record of an external one is out of date): flagged, not traded.</summary>
    External,

    /// <summary>Our Open or Closing position's symbol is flat at the venue: it was closed outside the executor.</summary>
    ClosedOutside,

    /// <summary>An external position's symbol is flat at the venue: it has ended.</summary>
    ExternalEnded,
}

/// <summary>
/// Reconciliation's comparison, pure: our active and external positions against the venue's, symbol by symbol. The
/// engine acts on each finding (reports drift, flags or closes out positions); deciding what differs needs neither a
/// venue nor a database.
/// </summary>
internal static class PositionComparison
{
    public static IReadOnlyList<ReconciliationFinding> Compare(IReadOnlyList<PositionRecord> ours, IReadOnlyList<VenuePosition> venue)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(venue);
        var findings = new List<ReconciliationFinding>();
        var held = venue.Where(position => position.Size > 0).ToList();
        foreach (var venuePosition in held)
        {
            var symbol = venuePosition.Symbol.Value;
            var mine = ours.Where(position => position.Symbol == symbol && (position.Status.IsActive() || position.Status == PositionRecordStatus.External)).ToList();
            var managed = mine.Where(position => position.Status != PositionRecordStatus.External).ToList();
            var managedQuantity = managed.Sum(position => position.OpenQuantity * position.Direction.Sign());
            var venueQuantity = venuePosition.Size * venuePosition.Direction.Sign();
            if (managedQuantity == venueQuantity)
            {
                continue;
            }

            var external = mine.FirstOrDefault(position => position.Status == PositionRecordStatus.External);
            findings.Add(mine.Count > 0 && external is null
                ? new ReconciliationFinding(ReconciliationFindingKind.SizeDiffers, symbol, managedQuantity, venueQuantity, managed[0], venuePosition)
                : new ReconciliationFinding(ReconciliationFindingKind.External, symbol, managedQuantity, venueQuantity, external, venuePosition));
        }

        foreach (var position in ours.Where(position => !held.Any(venuePosition => venuePosition.Symbol.Value == position.Symbol)))
        {
            var kind = position.Status switch
            {
                PositionRecordStatus.Open or PositionRecordStatus.Closing => ReconciliationFindingKind.ClosedOutside,
                PositionRecordStatus.External => ReconciliationFindingKind.ExternalEnded,
                _ => (ReconciliationFindingKind?)null,
            };
            if (kind is { } found)
            {
                findings.Add(new ReconciliationFinding(found, position.Symbol, position.OpenQuantity * position.Direction.Sign(), 0m, position, null));
            }
        }

        return findings;
    }
}
