namespace BreakoutBot.Executor.Trading;

/// <summary>Quantity an order executed since the venue's previous report: its id, average price, fee and time.</summary>
public sealed record OrderFill(string FillId, decimal Price, decimal Quantity, decimal Fee, DateTimeOffset ExecutedAt);
