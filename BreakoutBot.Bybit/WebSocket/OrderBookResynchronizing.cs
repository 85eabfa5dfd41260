using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>
/// The local book was dropped (a gap in <c>u</c>, a crossed book, a bad message or a lost connection) and a new
/// snapshot was asked for; until it arrives there is no book for <see cref="Symbol"/>.
/// </summary>
public sealed record OrderBookResynchronizing(string Topic, DateTimeOffset ReceivedAt, InstrumentSymbol Symbol, string Reason) : MarketStreamEvent(Topic, ReceivedAt);
