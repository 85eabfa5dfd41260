using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// One line of the account's transaction log (<c>/v5/account/transaction-log</c>): a trade (<c>TRADE</c>), a liquidation
/// trade (<c>LIQUIDATION</c>) or a funding settlement (<c>SETTLEMENT</c>). <see cref="Change"/> is what the wallet moved
/// by (realised PnL − fee, or the funding received) and <see cref="CashBalance"/> the wallet after it.
/// </summary>
public sealed record TransactionLogEntry(
    string Id,
    InstrumentSymbol Symbol,
    string Type,
    string Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    decimal Funding,
    decimal CashFlow,
    decimal Change,
    decimal CashBalance,
    DateTimeOffset Time,
    string TradeId,
    string OrderId,
    string OrderLinkId);
