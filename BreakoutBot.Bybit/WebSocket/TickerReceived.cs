using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>A <c>tickers</c> push merged into the last snapshot: always a complete ticker.</summary>
public sealed record TickerReceived(string Topic, DateTimeOffset ReceivedAt, Ticker Ticker) : MarketStreamEvent(Topic, ReceivedAt);
