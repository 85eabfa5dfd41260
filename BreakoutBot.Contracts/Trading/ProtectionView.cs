namespace BreakoutBot.Contracts.Trading;

/// <summary>
/// Body of <c>GET /api/trading/protection</c>: how well positions were protected by a working venue stop, over the
/// positions opened in the range asked for (all when none). Exposure counts from an entry's first fill (or the moment
/// a stop was lost) until the venue confirmed a working stop, or the position was flat.
/// </summary>
/// <param name="Positions">Positions in the range.</param>
/// <param name="UnprotectedPositions">Of those, the ones open right now without a working venue stop.</param>
/// <param name="MaxUnprotectedSeconds">The longest single exposure of any of them (an exposure still running included).</param>
/// <param name="TotalUnprotectedSeconds">All their exposures added up.</param>
/// <param name="OrphanOrders">Orders still working at the venue for a position that is closed (or for none): nothing should rest there.</param>
/// <param name="UnknownOrders">Orders sent whose outcome the venue has not told yet.</param>
public sealed record ProtectionView(
    int Positions,
    int UnprotectedPositions,
    decimal MaxUnprotectedSeconds,
    decimal TotalUnprotectedSeconds,
    int OrphanOrders,
    int UnknownOrders);
