using System.Globalization;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Signed Bybit V5 requests. Timestamps come from the injected clock plus the measured offset to the venue's clock
/// (<see cref="SynchronizeClockAsync"/>), so a drifting local clock does not produce retCode 10002. The secret is only
/// used to sign; it never appears in a header, log or exception.
/// </summary>
public sealed class BybitPrivateClient(HttpClient http, Signing.BybitCredentials credentials, TimeProvider clock)
{
    public const long RecvWindowMs = 5_000;

    /// <summary>Venue clock minus local clock, as last measured.</summary>
    public TimeSpan ClockOffset { get; private set; }

    /// <summary>Measures the offset to the venue's clock from <c>/v5/market/time</c>, halving the round trip.</summary>
    public async Task<TimeSpan> SynchronizeClockAsync(BybitMarketClient market, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        var sent = clock.GetUtcNow();
        var serverTime = await market.GetServerTimeAsync(cancellationToken);
        var received = clock.GetUtcNow();
        ClockOffset = serverTime - (sent + ((received - sent) / 2));
        return ClockOffset;
    }

    public async Task<WalletBalance> GetWalletBalanceAsync(CancellationToken cancellationToken = default)
    {
        var envelope = await GetSignedAsync("/v5/account/wallet-balance", "accountType=UNIFIED&coin=USDT", cancellationToken);
        var account = envelope.Result.GetProperty("list")[0];
        var usdt = account.GetProperty("coin").EnumerateArray().FirstOrDefault(coin => coin.GetProperty("coin").GetString() == "USDT");
        return new WalletBalance(
            BybitJson.Decimal(account, "totalEquity"),
            usdt.ValueKind == System.Text.Json.JsonValueKind.Object ? BybitJson.Decimal(usdt, "walletBalance") : BybitJson.Decimal(account, "totalWalletBalance"),
            BybitJson.Decimal(account, "totalAvailableBalance"),
            BybitJson.DecimalOrNull(account, "totalPerpUPL") ?? 0m,
            BybitJson.DecimalOrNull(account, "totalInitialMargin") ?? 0m,
            BybitJson.DecimalOrNull(account, "totalMaintenanceMargin") ?? 0m);
    }

    private async Task<V5Envelope> GetSignedAsync(string path, string query, CancellationToken cancellationToken)
    {
        var timestamp = (clock.GetUtcNow() + ClockOffset).ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path + (query.Length > 0 ? "?" + query : ""), UriKind.Relative));
        request.Headers.Add("X-BAPI-API-KEY", credentials.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", RecvWindowMs.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-SIGN", Signing.RequestSigner.SignRest(credentials, timestamp, RecvWindowMs, query));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = V5Envelope.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return envelope.IsSuccess ? envelope : throw new BybitApiException(path, envelope.RetCode, envelope.RetMessage);
    }
}
