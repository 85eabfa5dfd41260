using BreakoutBot.Simulator.Market;
using BreakoutBot.Simulator.Trading;

namespace BreakoutBot.Simulator.Api;

/// <summary>Bybit V5 account endpoints of the simulated account (signed).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/v5/account").AddEndpointFilter<SignedRequestFilter>();
        account.MapGet("/wallet-balance", GetWalletBalance);
        account.MapGet("/fee-rate", GetFeeRate);
        account.MapGet("/transaction-log", GetTransactionLog);
        return endpoints;
    }

    public static IResult GetWalletBalance(SimulatedExchange account, TimeProvider clock, string? accountType)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        if (accountType != "UNIFIED")
        {
            return TypedResults.Ok(V5Response.Error(10001, "params error: accountType must be UNIFIED", now));
        }

        var balance = account.ReadAccount(ledger => new
        {
            ledger.WalletBalance,
            ledger.Equity,
            ledger.UnrealisedPnl,
            ledger.RealisedPnl,
            ledger.InitialMargin,
            ledger.MaintenanceMargin,
            ledger.AvailableBalance,
        });
        var usdt = new
        {
            coin = "USDT",
            equity = Wire.Number(balance.Equity),
            usdValue = Wire.Number(balance.Equity),
            walletBalance = Wire.Number(balance.WalletBalance),
            unrealisedPnl = Wire.Number(balance.UnrealisedPnl),
            cumRealisedPnl = Wire.Number(balance.RealisedPnl),
            totalPositionIM = Wire.Number(balance.InitialMargin),
            totalPositionMM = Wire.Number(balance.MaintenanceMargin),
            locked = "0",
            marginCollateral = true,
            collateralSwitch = true,
        };
        var list = new[]
        {
            new
            {
                accountType = "UNIFIED",
                totalEquity = Wire.Number(balance.Equity),
                totalWalletBalance = Wire.Number(balance.WalletBalance),
                totalMarginBalance = Wire.Number(balance.Equity),
                totalAvailableBalance = Wire.Number(balance.AvailableBalance),
                totalPerpUPL = Wire.Number(balance.UnrealisedPnl),
                totalInitialMargin = Wire.Number(balance.InitialMargin),
                totalMaintenanceMargin = Wire.Number(balance.MaintenanceMargin),
                coin = new[] { usdt },
            },
        };
        return TypedResults.Ok(V5Response.Ok(new { list }, now));
    }

    /// <summary>The account's fee rates: one row per symbol (or the one asked for); no category key, as on Bybit.</summary>
    public static IResult GetFeeRate(IMarketSource feed, TimeProvider clock, string? category, string? symbol)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        if (category != "linear")
        {
            return TypedResults.Ok(V5Response.Error(10001, "params error: category must be linear", now));
        }

        var instruments = feed.Instruments.Where(instrument => symbol is null || instrument.Symbol.Value == symbol).ToList();
        if (instruments.Count == 0)
        {
            return TypedResults.Ok(V5Response.Error(10001, $"params error: symbol {symbol} invalid", now));
        }

        var fees = SimulatedExchange.FeeRates;
        var list = instruments.Select(instrument => new
        {
            symbol = instrument.Symbol.Value,
            takerFeeRate = Wire.Number(fees.TakerFraction),
            makerFeeRate = Wire.Number(fees.MakerFraction),
        }).ToList();
        return TypedResults.Ok(V5Response.Ok(new { list }, now));
    }

    /// <summary>
    /// The account's transaction log, newest first: TRADE, LIQUIDATION and SETTLEMENT (funding) lines with what each did
    /// to the wallet (<c>change</c>) and the wallet after it (<c>cashBalance</c>); filters and cursor paging as on Bybit.
    /// </summary>
    public static IResult GetTransactionLog(SimulatedExchange account, TimeProvider clock, string? accountType, string? category, string? type, long? startTime, long? endTime, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        if (accountType is not (null or "UNIFIED") || category is not (null or "linear"))
        {
            return TypedResults.Ok(V5Response.Error(10001, "params error: accountType must be UNIFIED and category linear", now));
        }

        var entries = account.Transactions(symbol: null)
            .Where(entry => (type is null || entry.Type == type)
                && (startTime is null || entry.Time.ToUnixTimeMilliseconds() >= startTime)
                && (endTime is null || entry.Time.ToUnixTimeMilliseconds() <= endTime))
            .Select(entry => new
            {
                id = entry.Id,
                symbol = entry.Symbol.Value,
                category = "linear",
                side = entry.Side,
                transactionTime = Wire.Millis(entry.Time),
                type = entry.Type,
                qty = Wire.Number(entry.Quantity),
                currency = "USDT",
                tradePrice = Wire.Number(entry.Price),
                funding = Wire.Number(entry.Funding),
                fee = Wire.Number(entry.Fee),
                cashFlow = Wire.Number(entry.CashFlow),
                change = Wire.Number(entry.Change),
                cashBalance = Wire.Number(entry.CashBalance),
                bonusChange = "",
                tradeId = entry.TradeId,
                orderId = entry.OrderId,
                orderLinkId = entry.OrderLinkId,
            })
            .ToList();
        if (!Paging.TryPage(entries, limit, cursor, 20, 50, out var page, out var next, out var problem))
        {
            return TypedResults.Ok(V5Response.Error(10001, problem, now));
        }

        return TypedResults.Ok(V5Response.Ok(new { list = page, nextPageCursor = next }, now));
    }
}
