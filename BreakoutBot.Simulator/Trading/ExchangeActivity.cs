using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// One batch of venue events (fills and order updates, in order) with the positions of the symbols involved and, when
/// money moved, the wallet afterwards.
/// </summary>
public sealed record ExchangeActivity(IReadOnlyList<MatchingEvent> Events, IReadOnlyList<PositionReport> Positions, WalletReport? Wallet, DateTimeOffset? At = null)
{
    /// <summary>When it happened on the venue's clock: the last event's time, or <see cref="At"/> for a wallet-only push.</summary>
    public DateTimeOffset Time => Events.Count > 0 ? Events[^1].Time : At ?? DateTimeOffset.UnixEpoch;
}
