using System.Collections.Concurrent;
using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Simulator.Upstream;

/// <summary>
/// The upstream's REST market data through our own <see cref="BybitMarketClient"/>. Instruments are loaded at start and
/// kept for <see cref="InstrumentsFor"/> (the venue's symbols must be known synchronously when an order or a stream
/// subscription names one); tickers are kept for <see cref="TickersFor"/> per symbol (or for all), so a burst of
/// requests costs the upstream one call. Klines, books, trades and open interest are asked for each time.
/// </summary>
public sealed class UpstreamMarketData(BybitMarketClient client, TimeProvider clock, ILogger<UpstreamMarketData> logger) : BackgroundService
{
    public static readonly TimeSpan InstrumentsFor = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan TickersFor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _instrumentsLoad = new(1, 1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<Ticker> Tickers)> _tickers = new(StringComparer.Ordinal);
    private volatile InstrumentSet _instruments = new([], DateTimeOffset.MinValue);

    public BybitMarketClient Client => client;

    /// <summary>The instruments as last loaded (empty until the first load).</summary>
    public IReadOnlyList<Instrument> Instruments => _instruments.List;

    public Instrument? Find(InstrumentSymbol symbol) => _instruments.BySymbol.GetValueOrDefault(symbol);

    /// <summary>The instruments, loaded again when older than <see cref="InstrumentsFor"/>.</summary>
    public async Task<IReadOnlyList<Instrument>> InstrumentsAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _instruments.At < InstrumentsFor)
        {
            return _instruments.List;
        }

        await _instrumentsLoad.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _instruments.At >= InstrumentsFor)
            {
                var loaded = await client.GetInstrumentsAsync(cancellationToken);
                _instruments = new InstrumentSet(loaded, clock.GetUtcNow());
                Log.UpstreamInstrumentsLoaded(logger, loaded.Count);
            }

            return _instruments.List;
        }
        finally
        {
            _instrumentsLoad.Release();
        }
    }

    /// <summary>Tickers of one symbol or of all, at most <see cref="TickersFor"/> old.</summary>
    public async Task<IReadOnlyList<Ticker>> TickersAsync(InstrumentSymbol? symbol, CancellationToken cancellationToken)
    {
        var key = symbol?.Value ?? "";
        if (_tickers.TryGetValue(key, out var cached) && clock.GetUtcNow() - cached.At < TickersFor)
        {
            return cached.Tickers;
        }

        var tickers = await client.GetTickersAsync(symbol, cancellationToken);
        _tickers[key] = (clock.GetUtcNow(), tickers);
        return tickers;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = InstrumentsFor;
            try
            {
                await InstrumentsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or BybitApiException or FormatException or TimeoutException
                                               || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                wait = RetryAfter;
                Log.UpstreamInstrumentsFailed(logger, exception.GetType().Name + ": " + exception.Message, wait.TotalSeconds);
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _instrumentsLoad.Dispose();
        base.Dispose();
    }

    private sealed class InstrumentSet(IReadOnlyList<Instrument> list, DateTimeOffset at)
    {
        public IReadOnlyList<Instrument> List { get; } = list;

        public DateTimeOffset At { get; } = at;

        public Dictionary<InstrumentSymbol, Instrument> BySymbol { get; } = list.ToDictionary(instrument => instrument.Symbol);
    }
}
