using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>The account's fee rates for a symbol (<c>/v5/account/fee-rate</c>), as fractions of notional (0.00055 = 5.5 bps).</summary>
public sealed record VenueFeeRate(InstrumentSymbol Symbol, decimal MakerFraction, decimal TakerFraction);
