using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// One line of the account's transaction log (<c>/v5/account/transaction-log</c>): <see cref="Type"/> is Bybit's
/// (TRADE, SETTLEMENT for funding, LIQUIDATION, …); <see cref="Change"/> is what the wallet moved by and
/// <see cref="CashBalance"/> the wallet after it, in USDT.
/// </summary>
public sealed record VenueTransaction(
    string Id,
    InstrumentSymbol Symbol,
    string Type,
    decimal Funding,
    decimal Fee,
    decimal CashFlow,
    decimal Change,
    decimal CashBalance,
    DateTimeOffset Time,
    string OrderLinkId);
