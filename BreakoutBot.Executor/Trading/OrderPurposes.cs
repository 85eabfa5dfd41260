namespace BreakoutBot.Executor.Trading;

/// <summary>Why an order exists (the orders table's <c>purpose</c> column).</summary>
internal static class OrderPurposes
{
    public const string Entry = "Entry";

    /// <summary>The one add to a winner (<c>add_on_enabled</c>): an entry-side market order on an open position.</summary>
    public const string AddOn = "AddOn";
    public const string StopLoss = "StopLoss";
    public const string TakeProfit = "TakeProfit";
    public const string Exit = "Exit";
}
