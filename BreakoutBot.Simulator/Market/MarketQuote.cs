using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Market;

/// <summary>What the matching engine meets for one symbol; <see cref="Version"/> changes whenever the book or the price does.</summary>
public sealed record MarketQuote(long Version, OrderBookSnapshot Book, decimal LastPrice);
