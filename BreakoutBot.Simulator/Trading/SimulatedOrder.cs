using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// An order as the simulated venue reports it: the engine's state plus how it came to be (Bybit's createType and
/// stopOrderType), e.g. CreateByStopLoss/StopLoss for the order that closes a position at its stop.
/// </summary>
public sealed record SimulatedOrder(OrderState State, string CreateType, string StopOrderType);
