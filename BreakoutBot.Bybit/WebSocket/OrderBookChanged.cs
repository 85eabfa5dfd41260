using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>The local book after a snapshot or an in-sequence delta (never crossed, never with a gap).</summary>
public sealed record OrderBookChanged(string Topic, DateTimeOffset ReceivedAt, OrderBookSnapshot Book) : MarketStreamEvent(Topic, ReceivedAt);
