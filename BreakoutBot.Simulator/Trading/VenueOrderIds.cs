using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// The matching engine keys every order by a client id; orders nobody named (created without <c>orderLinkId</c>, position
/// TP/SL closes, liquidations) get one with a prefix reserved to the venue, and are reported with an empty
/// <c>orderLinkId</c>, as Bybit reports them.
/// </summary>
public static class VenueOrderIds
{
    public const string Prefix = "venue-";

    public static ClientOrderId New(string kind)
    {
        var text = $"{Prefix}{kind}-{Guid.NewGuid():N}";
        return new ClientOrderId(text[..Math.Min(text.Length, ClientOrderId.MaxLength)]);
    }

    public static bool IsReserved(string orderLinkId) => orderLinkId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The <c>orderLinkId</c> a client sees: its own, or empty for an order the venue named.</summary>
    public static string Wire(ClientOrderId id) => IsReserved(id.Value) ? "" : id.Value;
}
