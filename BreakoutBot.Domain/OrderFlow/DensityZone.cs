using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.OrderFlow;

/// <summary>
/// A price bucket of the order book holding unusually much resting size: a wall that price tends to stall at.
/// </summary>
/// <param name="Side">Whose orders rest there: <see cref="OrderSide.Buy"/> for bids, <see cref="OrderSide.Sell"/> for asks.</param>
/// <param name="Low">The bucket's lowest price.</param>
/// <param name="High">The bucket's highest price (exclusive: the next bucket starts there).</param>
/// <param name="Quantity">Resting size in the bucket, base coin.</param>
/// <param name="Strength">Quantity over the density threshold (k_density × median bucket size); 1 or more.</param>
public sealed record DensityZone(OrderSide Side, decimal Low, decimal High, decimal Quantity, decimal Strength)
{
    /// <summary>Whether <paramref name="price"/> lies in the bucket.</summary>
    public bool Contains(decimal price) => price >= Low && price < High;
}
