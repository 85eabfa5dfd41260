using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// What <see cref="StopKeeper"/> needs of the world to keep one position's venue stop: its stop orders as booked, the
/// price, and the router's place and cancel. The engine answers through the order router and the database; the
/// property tests answer through a model venue.
/// </summary>
internal interface IStopOrders
{
    /// <summary>The position's venue stop orders as booked now, oldest first (terminal ones included).</summary>
    Task<IReadOnlyList<OrderRecord>> StopsAsync(CancellationToken cancellationToken);

    /// <summary>Whether the last price is already at or through <paramref name="level"/>, where a stop could not rest.</summary>
    Task<bool> LevelCrossedAsync(decimal level, CancellationToken cancellationToken);

    /// <summary>Places (or sends again under its orderLinkId) a stop order; its record as booked afterwards, null when nothing could be sent.</summary>
    Task<OrderRecord?> PlaceAsync(OrderPlacement placement, CancellationToken cancellationToken);

    /// <summary>Cancels an order at the venue and books how it ended.</summary>
    Task CancelAsync(OrderRecord order, CancellationToken cancellationToken);

    /// <summary>The venue has confirmed a stop working for the whole quantity: the position's exposure (if any) ends.</summary>
    Task ConfirmedAsync(CancellationToken cancellationToken);
}
