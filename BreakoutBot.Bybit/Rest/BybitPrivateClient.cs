using System.Globalization;
using BreakoutBot.Bybit.Resilience;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Signed Bybit V5 requests. Timestamps come from the injected clock plus the measured offset to the venue's clock
/// (<see cref="SynchronizeClockAsync"/>), so a drifting local clock does not produce retCode 10002. The secret is only
/// used to sign; it never appears in a header, log or exception.
/// </summary>
public sealed class BybitPrivateClient(HttpClient http, Signing.BybitCredentials credentials, TimeProvider clock)
{
    public const long DefaultRecvWindowMs = 5_000;

    /// <summary>How long after its timestamp the venue still accepts a request (X-BAPI-RECV-WINDOW).</summary>
    public long RecvWindowMs { get; init; } = DefaultRecvWindowMs;

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

    /// <summary>The account's maker/taker fee rates for one symbol, or for every linear symbol.</summary>
    public async Task<IReadOnlyList<VenueFeeRate>> GetFeeRatesAsync(InstrumentSymbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var envelope = await GetSignedAsync("/v5/account/fee-rate", "category=linear" + (symbol is { } one ? "&symbol=" + one : ""), cancellationToken);
        return TradingParsers.ParseFeeRates(envelope.Result);
    }

    /// <summary>
    /// Places an order; returns the venue's order id. Refusals come back as <see cref="BybitApiException"/> by retCode.
    /// Not retried on an unknown outcome (the retry handler knows order creation is not idempotent); use
    /// <see cref="PlaceOrderOnceAsync"/> for that.
    /// </summary>
    public async Task<string> PlaceOrderAsync(OrderPlacement order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var envelope = await PostSignedAsync("/v5/order/create", OrderJson.Create(order), cancellationToken);
        return envelope.Result.GetProperty("orderId").GetString()!;
    }

    /// <summary>
    /// Places an order at most once. If the outcome is unknown (timeout, connection lost, 5xx, a server-side timeout
    /// retCode) or the venue says the orderLinkId exists (110072), it asks the venue for that orderLinkId before
    /// anything else: an order that exists is returned, never placed again.
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
        catch (Exception exception) when (BybitRetCodes.IsUnknownOutcome(exception) && !cancellationToken.IsCancellationRequested)
        {
            if (await FindOrderAsync(order, cancellationToken) is { } existing)
            {
                return existing;
            }

            try
            {
                await PlaceOrderAsync(order, cancellationToken);
            }
            catch (BybitApiException again) when (again.RetCode == BybitRetCodes.DuplicateOrderLinkId)
            {
                // The first attempt did reach the venue: fall through to the lookup.
            }
        }

        // Placed, or said to exist, yet not shown (a venue shows a new order a moment late): unknown, never refused.
        return await FindOrderAsync(order, cancellationToken) ?? throw new OrderOutcomeUnknownException(order.OrderLinkId);
    }

    /// <summary>Changes quantity, limit price or trigger price of an open order (110001 when it is closed or unknown).</summary>
    public async Task<OrderAck> AmendOrderAsync(OrderChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return TradingParsers.ParseAck((await PostSignedAsync("/v5/order/amend", OrderJson.Amend(change), cancellationToken)).Result);
    }

    /// <summary>The order with our <paramref name="orderLinkId"/>, open or recently closed; null when the venue has none.</summary>
    public async Task<VenueOrder?> GetOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken = default)
    {
        var envelope = await GetSignedAsync("/v5/order/realtime", $"category=linear&symbol={symbol}&orderLinkId={Uri.EscapeDataString(orderLinkId)}", cancellationToken);
        var orders = TradingParsers.ParseOrders(envelope.Result).Items;
        return orders.Count > 0 ? orders[0] : null;
    }

    public async Task<OrderAck> CancelOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken = default) =>
        TradingParsers.ParseAck((await PostSignedAsync("/v5/order/cancel", OrderJson.Cancel(symbol, orderLinkId), cancellationToken)).Result);

    /// <summary>Cancels every open order (conditional ones included) of one symbol, or of all USDT symbols.</summary>
    public async Task<IReadOnlyList<OrderAck>> CancelAllOrdersAsync(InstrumentSymbol? symbol = null, CancellationToken cancellationToken = default) =>
        TradingParsers.ParseCancelAll((await PostSignedAsync("/v5/order/cancel-all", OrderJson.CancelAll(symbol), cancellationToken)).Result);

    /// <summary>Every open order (New, PartiallyFilled, Untriggered) of one symbol or of all USDT symbols, all pages, newest first.</summary>
    public async Task<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(InstrumentSymbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var orders = new List<VenueOrder>();
        string? cursor = null;
        do
        {
            var query = ScopeQuery(symbol) + "&openOnly=0&limit=50" + CursorQuery(cursor);
            var page = TradingParsers.ParseOrders((await GetSignedAsync("/v5/order/realtime", query, cancellationToken)).Result);
            orders.AddRange(page.Items);
            cursor = page.NextPageCursor;
        }
        while (cursor is not null);

        return orders;
    }

    /// <summary>One page of order history (closed and open orders), newest first.</summary>
    public async Task<VenuePage<VenueOrder>> GetOrderHistoryAsync(InstrumentSymbol? symbol = null, int limit = 50, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = "category=linear" + (symbol is { } one ? "&symbol=" + one : "") + "&limit=" + limit.ToString(CultureInfo.InvariantCulture) + CursorQuery(cursor);
        return TradingParsers.ParseOrders((await GetSignedAsync("/v5/order/history", query, cancellationToken)).Result);
    }

    /// <summary>One page of executions (fills), newest first; optionally those of one order.</summary>
    public async Task<VenuePage<VenueExecution>> GetExecutionsAsync(
        InstrumentSymbol? symbol = null, string? orderId = null, int limit = 100, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = "category=linear" + (symbol is { } one ? "&symbol=" + one : "") + (orderId is null ? "" : "&orderId=" + Uri.EscapeDataString(orderId))
            + "&limit=" + limit.ToString(CultureInfo.InvariantCulture) + CursorQuery(cursor);
        return TradingParsers.ParseExecutions((await GetSignedAsync("/v5/execution/list", query, cancellationToken)).Result);
    }

    /// <summary>One page of the account's transaction log (linear, USDT), newest first; optionally of one type (e.g. SETTLEMENT for funding).</summary>
    public async Task<VenuePage<VenueTransaction>> GetTransactionLogAsync(string? type = null, int limit = 50, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = "accountType=UNIFIED&category=linear&currency=USDT" + (type is null ? "" : "&type=" + Uri.EscapeDataString(type))
            + "&limit=" + limit.ToString(CultureInfo.InvariantCulture) + CursorQuery(cursor);
        return TradingParsers.ParseTransactions((await GetSignedAsync("/v5/account/transaction-log", query, cancellationToken)).Result);
    }

    /// <summary>Open positions of all USDT symbols.</summary>
    public async Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        TradingParsers.ParsePositions((await GetSignedAsync("/v5/position/list", "category=linear&settleCoin=USDT", cancellationToken)).Result);

    /// <summary>The position in <paramref name="symbol"/>; null when flat.</summary>
    public async Task<VenuePosition?> GetPositionAsync(InstrumentSymbol symbol, CancellationToken cancellationToken = default)
    {
        var positions = TradingParsers.ParsePositions((await GetSignedAsync("/v5/position/list", "category=linear&symbol=" + symbol, cancellationToken)).Result);
        return positions.Count > 0 ? positions[0] : null;
    }

    /// <summary>Puts every USDT contract in one-way mode (one net position per symbol, what we trade); false when it already was (110025).</summary>
    public async Task<bool> UseOneWayModeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await PostSignedAsync("/v5/position/switch-mode", OrderJson.OneWayMode(), cancellationToken);
            return true;
        }
        catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.PositionModeNotModified)
        {
            return false;
        }
    }

    /// <summary>Sets the unified account's margin mode (REGULAR_MARGIN, ISOLATED_MARGIN or PORTFOLIO_MARGIN).</summary>
    public async Task SetMarginModeAsync(string mode, CancellationToken cancellationToken = default) =>
        await PostSignedAsync("/v5/account/set-margin-mode", OrderJson.MarginMode(mode), cancellationToken);

    /// <summary>Sets the symbol's leverage; false when it already had that leverage (retCode 110043, which is not a failure).</summary>
    public async Task<bool> SetLeverageAsync(InstrumentSymbol symbol, decimal leverage, CancellationToken cancellationToken = default)
    {
        try
        {
            await PostSignedAsync("/v5/position/set-leverage", OrderJson.SetLeverage(symbol, leverage), cancellationToken);
            return true;
        }
        catch (BybitApiException exception) when (exception.RetCode == BybitRetCodes.LeverageNotModified)
        {
            return false;
        }
    }

    /// <summary>Sets (or with 0 removes) the take-profit and stop-loss of the whole position in a symbol.</summary>
    public async Task SetTradingStopAsync(PositionStops stops, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stops);
        await PostSignedAsync("/v5/position/trading-stop", OrderJson.TradingStop(stops), cancellationToken);
    }

    private static string ScopeQuery(InstrumentSymbol? symbol) => "category=linear" + (symbol is { } one ? "&symbol=" + one : "&settleCoin=USDT");

    private static string CursorQuery(string? cursor) => cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor);

    private Task<VenueOrder?> FindOrderAsync(OrderPlacement order, CancellationToken cancellationToken) =>
        GetOrderAsync(order.Symbol, order.OrderLinkId, cancellationToken);

    private Task<V5Envelope> GetSignedAsync(string path, string query, CancellationToken cancellationToken) =>
        SendSignedAsync(HttpMethod.Get, path, query, cancellationToken);

    private Task<V5Envelope> PostSignedAsync(string path, string body, CancellationToken cancellationToken) =>
        SendSignedAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>
    /// Signs exactly the bytes sent: the query string for GET, the JSON body for POST. The request carries a way to sign
    /// itself again, so a retry after a back-off goes out with a fresh timestamp instead of failing with 10002.
    /// </summary>
    private async Task<V5Envelope> SendSignedAsync(HttpMethod method, string path, string payload, CancellationToken cancellationToken)
    {
        var isGet = method == HttpMethod.Get;
        using var request = new HttpRequestMessage(method, new Uri(path + (isGet && payload.Length > 0 ? "?" + payload : ""), UriKind.Relative));
        if (!isGet)
        {
            request.Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json");
        }

        Sign(request, payload);
        request.Options.Set(BybitRequestOptions.Resign, message => Sign(message, payload));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = V5Envelope.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return envelope.IsSuccess ? envelope : throw new BybitApiException(path, envelope.RetCode, envelope.RetMessage);
    }

    private void Sign(HttpRequestMessage request, string payload)
    {
        var timestamp = (clock.GetUtcNow() + ClockOffset).ToUnixTimeMilliseconds();
        var headers = request.Headers;
        headers.Remove("X-BAPI-API-KEY");
        headers.Remove("X-BAPI-TIMESTAMP");
        headers.Remove("X-BAPI-RECV-WINDOW");
        headers.Remove("X-BAPI-SIGN");
        headers.Add("X-BAPI-API-KEY", credentials.ApiKey);
        headers.Add("X-BAPI-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
        headers.Add("X-BAPI-RECV-WINDOW", RecvWindowMs.ToString(CultureInfo.InvariantCulture));
        headers.Add("X-BAPI-SIGN", Signing.RequestSigner.SignRest(credentials, timestamp, RecvWindowMs, payload));
    }
}
