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

    /// <summary>Places an order; returns the venue's order id. Refusals come back as <see cref="BybitApiException"/> by retCode.</summary>
    public async Task<string> PlaceOrderAsync(OrderPlacement order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var envelope = await PostSignedAsync("/v5/order/create", OrderJson.Create(order), cancellationToken);
        return envelope.Result.GetProperty("orderId").GetString()!;
    }

    /// <summary>
    /// Places an order at most once. If the outcome is unknown (timeout, connection lost, 5xx) or the venue says the
    /// orderLinkId exists (110072), it asks the venue for that orderLinkId before anything else: an order that exists is
    /// returned, never placed again.
    /// </summary>
    public async Task<VenueOrder> PlaceOrderOnceAsync(OrderPlacement order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            await PlaceOrderAsync(order, cancellationToken);
        }
        catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.DuplicateOrderLinkId)
        {
            // Placed before (by an earlier attempt): fall through to the lookup.
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (await FindOrderAsync(order, cancellationToken) is { } existing)
            {
                return existing;
            }

            await PlaceOrderAsync(order, cancellationToken);
        }

        return await FindOrderAsync(order, cancellationToken)
            ?? throw new BybitApiException("/v5/order/realtime", BybitRetCodes.OrderNotFound, $"order {order.OrderLinkId} was placed but the venue does not report it");
    }

    public async Task<VenueOrder?> GetOrderAsync(Domain.MarketData.InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken = default)
    {
        var envelope = await GetSignedAsync("/v5/order/realtime", $"category=linear&symbol={symbol}&orderLinkId={Uri.EscapeDataString(orderLinkId)}", cancellationToken);
        var list = envelope.Result.GetProperty("list");
        if (list.GetArrayLength() == 0)
        {
            return null;
        }

        var item = list[0];
        return new VenueOrder(
            item.GetProperty("orderId").GetString()!,
            item.GetProperty("orderLinkId").GetString()!,
            item.GetProperty("orderStatus").GetString()!,
            BybitJson.Decimal(item, "qty"),
            BybitJson.Decimal(item, "cumExecQty"),
            BybitJson.DecimalOrNull(item, "avgPrice"),
            BybitJson.DecimalOrNull(item, "cumExecFee") ?? 0m);
    }

    public async Task CancelOrderAsync(Domain.MarketData.InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken = default) =>
        await PostSignedAsync("/v5/order/cancel", OrderJson.Cancel(symbol, orderLinkId), cancellationToken);

    public async Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var envelope = await GetSignedAsync("/v5/position/list", "category=linear&settleCoin=USDT", cancellationToken);
        return [.. envelope.Result.GetProperty("list").EnumerateArray()
            .Where(item => BybitJson.Decimal(item, "size") > 0)
            .Select(item => new VenuePosition(
                Domain.MarketData.InstrumentSymbol.Parse(item.GetProperty("symbol").GetString()!),
                item.GetProperty("side").GetString() == "Buy" ? Domain.Trading.PositionDirection.Long : Domain.Trading.PositionDirection.Short,
                BybitJson.Decimal(item, "size"),
                BybitJson.Decimal(item, "avgPrice"),
                BybitJson.DecimalOrNull(item, "unrealisedPnl") ?? 0m))];
    }

    private Task<VenueOrder?> FindOrderAsync(OrderPlacement order, CancellationToken cancellationToken) =>
        GetOrderAsync(order.Symbol, order.OrderLinkId, cancellationToken);

    private Task<V5Envelope> GetSignedAsync(string path, string query, CancellationToken cancellationToken) =>
        SendSignedAsync(HttpMethod.Get, path, query, cancellationToken);

    private Task<V5Envelope> PostSignedAsync(string path, string body, CancellationToken cancellationToken) =>
        SendSignedAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>Signs exactly the bytes sent: the query string for GET, the JSON body for POST.</summary>
    private async Task<V5Envelope> SendSignedAsync(HttpMethod method, string path, string payload, CancellationToken cancellationToken)
    {
        var timestamp = (clock.GetUtcNow() + ClockOffset).ToUnixTimeMilliseconds();
        var isGet = method == HttpMethod.Get;
        using var request = new HttpRequestMessage(method, new Uri(path + (isGet && payload.Length > 0 ? "?" + payload : ""), UriKind.Relative));
        if (!isGet)
        {
            request.Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.Add("X-BAPI-API-KEY", credentials.ApiKey);
        request.Headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-RECV-WINDOW", RecvWindowMs.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BAPI-SIGN", Signing.RequestSigner.SignRest(credentials, timestamp, RecvWindowMs, payload));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = V5Envelope.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return envelope.IsSuccess ? envelope : throw new BybitApiException(path, envelope.RetCode, envelope.RetMessage);
    }
}
