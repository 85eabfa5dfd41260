using BreakoutBot.Data.Trading;

namespace BreakoutBot.Executor.Trading;

/// <summary>An order as the router left it after a send, and the fill the venue's answer reported, if any.</summary>
public readonly record struct OrderStep(OrderRecord Order, OrderFill? Fill);
