namespace BreakoutBot.Executor.Trading;

/// <summary>Why an order exists (the orders table's <c>purpose</c> column).</summary>
internal static class OrderPurposes
{
    public const string Entry = "Entry";
    public const string StopLoss = "StopLoss";
    public const string TakeProfit = "TakeProfit";
    public const string Exit = "Exit";
}
