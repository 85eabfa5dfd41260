namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// An order create whose outcome is not known: the venue acknowledged it (or said its orderLinkId exists) but does not
/// show it yet, as happens for a moment after a create. The order may well exist; look it up by its orderLinkId later,
/// never book it refused.
/// </summary>
public sealed class OrderOutcomeUnknownException : Exception
{
    public OrderOutcomeUnknownException(string orderLinkId)
        : base($"order {orderLinkId} was sent and may exist, but the venue does not show it yet")
    {
        OrderLinkId = orderLinkId;
    }

    public OrderOutcomeUnknownException()
        : this("")
    {
    }

    public OrderOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
        OrderLinkId = "";
    }

    public string OrderLinkId { get; } = "";
}
