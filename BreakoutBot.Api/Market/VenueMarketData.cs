using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Api.Market;

/// <summary>
/// Market data from the venue (the simulator or Bybit, over the Bybit V5 REST protocol): candles on request and
/// mark prices, shared for <see cref="MarkPriceLifetime"/> so many position reads cost one ticker call. A venue that
/// does not answer is remembered as down for the same time, so a page never waits on it twice in a row.
/// </summary>
public sealed class VenueMarketData(IHttpClientFactory httpClients, TimeProvider clock, ILogger<VenueMarketData> logger) : IDisposable
{
    public const string HttpClientName = "venue";

    public static readonly TimeSpan MarkPriceLifetime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MarkPriceTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CandleTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyDictionary<string, decimal>? _marks;
    private DateTimeOffset _marksAt = DateTimeOffset.MinValue;
    private long _venueTimeMs;

    /// <summary>
    /// The venue's clock as its latest ticker answer stated it (the simulator's runs at its speed, ahead of ours); null
    /// until the venue has answered. Ages of positions are measured on it, like their fill times. Read from any thread.
    /// </summary>
    public DateTimeOffset? VenueTime => Interlocked.Read(ref _venueTimeMs) is > 0 and var ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>Mark price per symbol; empty when the venue is unavailable.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> MarkPricesAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(MarkPriceTimeout);
            try
            {
                var tickers = await Client().GetTickersAsync(null, timeout.Token);
                _marks = tickers.ToDictionary(ticker => ticker.Symbol.Value, ticker => ticker.MarkPrice, StringComparer.Ordinal);
                if (tickers.Count > 0)
                {
                    Interlocked.Exchange(ref _venueTimeMs, tickers.Max(ticker => ticker.Time).ToUnixTimeMilliseconds());
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or BybitApiException or OperationCanceledException or FormatException
                                                  or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException
                                              && !cancellationToken.IsCancellationRequested)
            {
                Log.MarkPricesUnavailable(logger, exception.GetType().Name);
                _marks = new Dictionary<string, decimal>(StringComparer.Ordinal);
            }

            _marksAt = clock.GetUtcNow();
            return _marks;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The latest <paramref name="limit"/> candles, oldest first.</summary>
    /// <exception cref="HttpRequestException">The venue did not answer in time, or its answer could not be read.</exception>
    /// <exception cref="BybitApiException">The venue refused the request (e.g. an unknown symbol).</exception>
    public async Task<IReadOnlyList<Candle>> CandlesAsync(InstrumentSymbol symbol, CandleInterval interval, int limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CandleTimeout);
        try
        {
            return await Client().GetKlinesAsync(symbol, interval, limit, timeout.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException("the venue did not answer in time", exception);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new HttpRequestException("the venue's answer could not be read", exception);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private IReadOnlyDictionary<string, decimal>? Fresh() =>
        _marks is { } marks && clock.GetUtcNow() - _marksAt < MarkPriceLifetime ? marks : null;

    private BybitMarketClient Client() => new(httpClients.CreateClient(HttpClientName), clock);
}
