using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Simulator.Trading;

/// <summary>One fill with the orderLinkId, fee rate and order (as it stands now) that Bybit's execution list reports next to it.</summary>
public sealed record SimulatedExecution(Fill Fill, ClientOrderId ClientOrderId, decimal FeeRate, SimulatedOrder? Order = null);
