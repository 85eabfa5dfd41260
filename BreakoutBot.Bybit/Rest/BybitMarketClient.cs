using System.Globalization;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Bybit V5 public market data over REST (linear category). The base address comes from configuration, so the same
/// client talks to mainnet, testnet or the simulator. Resilience (retries, timeouts) is the HttpClient pipeline's job.
/// Every market-data answer's time is shown to the <see cref="VenueClock"/> when one is given.
/// </summary>
public sealed class BybitMarketClient(HttpClient http, TimeProvider clock, VenueClock? venueClock = null)
{
    private const int InstrumentPageSize = 500;

    /// <summary>The venue's clock (for signing offsets and deciding which bars are closed).</summary>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        var envelope = await GetAsync("/v5/market/time", cancellationToken);
        var nanos = BybitJson.Decimal(envelope.Result, "timeNano");
        return DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));
    }

    /// <summary>Every USDT linear perpetual, following <c>nextPageCursor</c> to the last page.</summary>
    public async Task<IReadOnlyList<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken = default)
    {
        var instruments = new List<Instrument>();
        string? cursor = null;
        do
        {
            var page = await GetInstrumentPageAsync(InstrumentPageSize, cursor, cancellationToken);
            instruments.AddRange(page.Instruments);
            cursor = page.NextPageCursor;
        }
        while (cursor is not null);

        return instruments;
    }

    /// <summary>One page of instruments; pass the returned cursor back for the next page.</summary>
    public async Task<InstrumentPage> GetInstrumentPageAsync(int limit = InstrumentPageSize, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = $"/v5/market/instruments-info?category=linear&limit={limit.ToString(CultureInfo.InvariantCulture)}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        return MarketDataParsers.ParseInstruments((await GetAsync(query, cancellationToken)).Result);
    }

    /// <summary>
    /// Open interest history, oldest first. <paramref name="intervalTime"/> is Bybit's spelling: 5min, 15min, 30min,
    /// 1h, 4h, 1d.
    /// </summary>
    public async Task<IReadOnlyList<OpenInterestPoint>> GetOpenInterestAsync(InstrumentSymbol symbol, string intervalTime = "5min", int limit = 50, CancellationToken cancellationToken = default)
    {
        var query = $"/v5/market/open-interest?category=linear&symbol={symbol}&intervalTime={Uri.EscapeDataString(intervalTime)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        return TradingParsers.ParseOpenInterest((await GetAsync(query, cancellationToken)).Result);
    }

    /// <summary>The latest <paramref name="limit"/> bars, oldest first; the newest may still be open (see <see cref="Candle.IsClosed"/>).</summary>
    public async Task<IReadOnlyList<Candle>> GetKlinesAsync(InstrumentSymbol symbol, CandleInterval interval, int limit = 200, CancellationToken cancellationToken = default)
    {
        var envelope = await GetAsync($"/v5/market/kline?category=linear&symbol={symbol}&interval={interval.WireName}&limit={limit.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        var serverTime = envelope.ServerTimeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : clock.GetUtcNow();
        return MarketDataParsers.ParseKlines(envelope.Result, interval, serverTime);
    }

    /// <summary>
    /// The bars opening from <paramref name="start"/> through <paramref name="end"/> (inclusive, at most
    /// <paramref name="limit"/>, Bybit's maximum being 1,000), oldest first; the newest may still be open.
    /// </summary>
    public async Task<IReadOnlyList<Candle>> GetKlinesBetweenAsync(
        InstrumentSymbol symbol, CandleInterval interval, DateTimeOffset start, DateTimeOffset end, int limit = 1000, CancellationToken cancellationToken = default)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"/v5/market/kline?category=linear&symbol={symbol}&interval={interval.WireName}&start={start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}&limit={limit}");
        var envelope = await GetAsync(query, cancellationToken);
        var serverTime = envelope.ServerTimeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : clock.GetUtcNow();
        return MarketDataParsers.ParseKlines(envelope.Result, interval, serverTime);
    }

    /// <summary>Tickers of all linear symbols, or of one.</summary>
    public async Task<IReadOnlyList<Ticker>> GetTickersAsync(InstrumentSymbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var envelope = await GetAsync("/v5/market/tickers?category=linear" + (symbol is { } one ? "&symbol=" + one : ""), cancellationToken);
        var time = envelope.ServerTimeMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : clock.GetUtcNow();
        return MarketDataParsers.ParseTickers(envelope.Result, time);
    }

    public async Task<OrderBookSnapshot> GetOrderBookAsync(InstrumentSymbol symbol, int depth = 50, CancellationToken cancellationToken = default) =>
        MarketDataParsers.ParseOrderBook((await GetAsync($"/v5/market/orderbook?category=linear&symbol={symbol}&limit={depth.ToString(CultureInfo.InvariantCulture)}", cancellationToken)).Result);

    public async Task<IReadOnlyList<Trade>> GetRecentTradesAsync(InstrumentSymbol symbol, int limit = 500, CancellationToken cancellationToken = default) =>
        MarketDataParsers.ParseRecentTrades((await GetAsync($"/v5/market/recent-trade?category=linear&symbol={symbol}&limit={limit.ToString(CultureInfo.InvariantCulture)}", cancellationToken)).Result);

    private async Task<V5Envelope> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = V5Envelope.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var endpoint = pathAndQuery.Split('?')[0];
        if (venueClock is not null && envelope.ServerTimeMs is { } serverTimeMs && endpoint != "/v5/market/time")
        {
            venueClock.Observe(DateTimeOffset.FromUnixTimeMilliseconds(serverTimeMs));
        }

        return envelope.IsSuccess ? envelope : throw new BybitApiException(endpoint, envelope.RetCode, envelope.RetMessage);
    }
}
