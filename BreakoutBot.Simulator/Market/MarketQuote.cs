using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// One step of the market the matching engine meets for a symbol. <see cref="Version"/> grows with every step;
/// <see cref="Book"/> is null when the book is not given for this step (the engine keeps the last one); <see cref="Trade"/>
/// is the print that made the step (Sim mode), or null when only book and prices changed (Paper mode's relay).
/// </summary>
public sealed record MarketQuote(long Version, OrderBookSnapshot? Book, decimal LastPrice, decimal MarkPrice, decimal IndexPrice, Trade? Trade);
