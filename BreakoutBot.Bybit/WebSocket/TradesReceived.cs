using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>A <c>publicTrade</c> push: trades in time order.</summary>
public sealed record TradesReceived(string Topic, DateTimeOffset ReceivedAt, InstrumentSymbol Symbol, IReadOnlyList<Trade> Trades) : MarketStreamEvent(Topic, ReceivedAt);
