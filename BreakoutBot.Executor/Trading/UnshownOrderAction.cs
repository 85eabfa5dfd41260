namespace BreakoutBot.Executor.Trading;

/// <summary>What to do about an order of ours the venue does not show (neither open nor in its history).</summary>
public enum UnshownOrderAction
{
    /// <summary>Nothing yet: the venue shows a new order a moment late, or the order is not ours to resolve.</summary>
    Wait,

    /// <summary>A cancel was asked for and, after the venue's time to show it, it is still unknown: it never got there.</summary>
    EndAsUnseen,

    /// <summary>An entry whose answer was lost: cancelled by its orderLinkId, never sent late.</summary>
    Cancel,

    /// <summary>A protective or exit order whose answer was lost: sent again under the same orderLinkId.</summary>
    SendAgain,
}
