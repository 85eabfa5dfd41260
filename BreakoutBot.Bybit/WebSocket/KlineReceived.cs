using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.WebSocket;

/// <summary>A <c>kline</c> push: the forming bar (<see cref="Candle.IsClosed"/> false) or the closed one.</summary>
public sealed record KlineReceived(string Topic, DateTimeOffset ReceivedAt, InstrumentSymbol Symbol, Candle Candle) : MarketStreamEvent(Topic, ReceivedAt);
