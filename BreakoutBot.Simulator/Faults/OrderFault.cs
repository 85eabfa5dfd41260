namespace BreakoutBot.Simulator.Faults;

/// <summary>What the fault settings do to one order create.</summary>
public abstract record OrderFault
{
    private OrderFault()
    {
    }

    /// <summary>Refused with <paramref name="RetCode"/>: nothing is created.</summary>
    public sealed record Refuse(int RetCode, string Message) : OrderFault;

    /// <summary>Accepted, then cancelled by the venue (CancelByAdmin).</summary>
    public sealed record CancelAfterAccept : OrderFault;

    /// <summary>A market order that meets a book holding only <paramref name="Share"/> of its quantity.</summary>
    public sealed record PartialFill(decimal Share) : OrderFault;
}
