namespace BreakoutBot.Simulator.Api;

/// <summary>
/// What common Bybit clients ask at start-up before they trade (signed): the account's kind and margin mode, the API
/// key's own description, and the coins. The simulated account is a unified trading account in one-way mode with
/// regular (cross) margin, trading USDT only.
/// </summary>
public static class AccountSetupApi
{
    private static readonly string[] ContractPermissions = ["Order", "Position"];
    private static readonly string[] WalletPermissions = ["AccountTransfer"];
    private static readonly string[] AnyAddress = ["*"];

    public static IEndpointRouteBuilder MapAccountSetupApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v5/account").AddEndpointFilter<SignedRequestFilter>().MapGet("/info", GetAccountInfo);
        endpoints.MapGroup("/v5/user").AddEndpointFilter<SignedRequestFilter>().MapGet("/query-api", GetApiKeyInfo);
        endpoints.MapGroup("/v5/asset").AddEndpointFilter<SignedRequestFilter>().MapGet("/coin/query-info", GetCoins);
        return endpoints;
    }

    public static IResult GetAccountInfo(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(V5Response.Ok(
            new
            {
                unifiedMarginStatus = 6,
                marginMode = "REGULAR_MARGIN",
                isMasterTrader = false,
                spotHedgingStatus = "OFF",
                updatedTime = Wire.Millis(now),
                dcpStatus = "OFF",
                timeWindow = 0,
                smpGroup = 0,
            },
            now));
    }

    /// <summary>The key's description; never the key or secret themselves (only an id derived from nothing secret).</summary>
    public static IResult GetApiKeyInfo(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(V5Response.Ok(
            new
            {
                id = "1",
                note = "simulated account",
                apiKey = "",
                readOnly = 0,
                secret = "",
                permissions = new
                {
                    ContractTrade = ContractPermissions,
                    Spot = Array.Empty<string>(),
                    Wallet = WalletPermissions,
                    Options = Array.Empty<string>(),
                    Derivatives = Array.Empty<string>(),
                    Exchange = Array.Empty<string>(),
                },
                ips = AnyAddress,
                type = 1,
                deadlineDay = -1,
                expiredAt = "",
                createdAt = "",
                unified = 1,
                uta = 1,
                userID = 1,
                inviterID = 0,
                vipLevel = "No VIP",
                mktMakerLevel = "0",
                affiliateID = 0,
                rsaPublicKey = "",
                isMaster = true,
            },
            now));
    }

    public static IResult GetCoins(TimeProvider clock, string? coin)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var rows = coin is null or "USDT"
            ? new[]
            {
                new
                {
                    name = "USDT",
                    coin = "USDT",
                    remainAmount = "0",
                    chains = Array.Empty<object>(),
                },
            }
            : [];
        return TypedResults.Ok(V5Response.Ok(new { rows }, now));
    }
}
