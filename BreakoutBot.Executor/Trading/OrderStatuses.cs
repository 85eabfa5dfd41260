namespace BreakoutBot.Executor.Trading;

/// <summary>Order statuses as stored: <c>Pending</c> (recorded, not yet acknowledged) and Bybit's orderStatus values.</summary>
internal static class OrderStatuses
{
    public const string Pending = "Pending";
    public const string Rejected = "Rejected";
    public const string Cancelled = "Cancelled";
    public const string Filled = "Filled";

    /// <summary>No further change can come from the venue.</summary>
    public static bool IsTerminal(string status) => status is Filled or Cancelled or Rejected or "Deactivated" or "PartiallyFilledCanceled";

    /// <summary>The venue has confirmed the order and it can still act: resting, untriggered or partly filled.</summary>
    public static bool IsWorking(string status) => status != Pending && !IsTerminal(status);
}
