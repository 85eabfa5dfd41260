namespace BreakoutBot.Bybit.Rest;

/// <summary>The unified account's USDT figures from <c>/v5/account/wallet-balance</c>; equity = wallet + unrealised PnL.</summary>
public sealed record WalletBalance(decimal Equity, decimal Wallet, decimal Available, decimal UnrealisedPnl, decimal InitialMargin, decimal MaintenanceMargin);
