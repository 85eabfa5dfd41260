using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// One batch of venue events (fills and order updates, in order) with the positions of the symbols involved and, when
/// money moved, the wallet afterwards.
/// </summary>
public sealed record ExchangeActivity(IReadOnlyList<MatchingEvent> Events, IReadOnlyList<PositionReport> Positions, WalletReport? Wallet);
