using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Matching;
using BreakoutBot.Simulator.Market;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// Order handling of the simulated venue: one <see cref="MatchingEngine"/> per symbol fed with the market source's book
/// (synthetic in Sim mode, the upstream's in Paper mode), every fill booked in the account's <see cref="AccountLedger"/>.
/// Resting orders meet each newer book lazily, when any request reaches the exchange or the private stream ticks it.
/// Serialised by one lock: the venue is single-threaded.
/// </summary>
public sealed partial class SimulatedExchange(IMarketSource feed, IOptions<SimulatorOptions> options)
{
    private readonly Dictionary<InstrumentSymbol, MatchingEngine> _engines = [];
    private readonly Dictionary<InstrumentSymbol, long> _versionsSeen = [];
    private readonly AccountLedger _ledger = new(options?.Value.StartingBalance ?? throw new ArgumentNullException(nameof(options)));
    private readonly Lock _gate = new();

    public bool Knows(InstrumentSymbol symbol) => feed.Find(symbol) is not null;

    public OrderCommandResult Submit(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var engine = EngineFor(request.Symbol);
            CatchUp();
            var result = engine.Submit(request, feed.Now);
            Book(result.Events);
            return result;
        }
    }

    public OrderCommandResult Cancel(InstrumentSymbol symbol, ClientOrderId clientOrderId)
    {
        lock (_gate)
        {
            CatchUp();
            var result = EngineFor(symbol).Cancel(clientOrderId, feed.Now);
            Book(result.Events);
            return result;
        }
    }

    /// <summary>Open orders, or the one order with <paramref name="clientOrderId"/> whatever its status.</summary>
    public IReadOnlyList<OrderState> Orders(InstrumentSymbol symbol, ClientOrderId? clientOrderId)
    {
        lock (_gate)
        {
            CatchUp();
            var engine = EngineFor(symbol);
            if (clientOrderId is { } id)
            {
                return engine.FindOrder(id) is { } order ? [order] : [];
            }

            return engine.OpenOrders;
        }
    }

    /// <summary>Reads the account's ledger, marked to the latest simulated prices.</summary>
    public T ReadAccount<T>(Func<AccountLedger, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            CatchUp();
            return read(_ledger);
        }
    }

    private MatchingEngine EngineFor(InstrumentSymbol symbol)
    {
        if (!_engines.TryGetValue(symbol, out var engine))
        {
            var instrument = feed.Find(symbol)
                ?? throw new KeyNotFoundException($"symbol {symbol} invalid");
            engine = new MatchingEngine(instrument, MatchingOptions.Default);
            _engines[symbol] = engine;
        }

        return engine;
    }

    private void CatchUp()
    {
        var now = feed.Now;
        foreach (var (symbol, engine) in _engines)
        {
            if (feed.QuoteSince(symbol, _versionsSeen.GetValueOrDefault(symbol, -1)) is { } quote)
            {
                _versionsSeen[symbol] = quote.Version;
                Book(engine.OnOrderBook(quote.Book));
                _ledger.UpdateMarkPrice(symbol, quote.LastPrice);
                OnNewPrice(engine, quote.LastPrice, now);
            }

            // Paper mode follows the upstream only for symbols with something on them.
            if (feed.IsWatched(symbol) && _ledger.PositionOf(symbol) is null && !_stops.ContainsKey(symbol) && engine.OpenOrders.Count == 0 && feed.Release(symbol))
            {
                _versionsSeen.Remove(symbol);
            }
        }
    }

    private void Book(IReadOnlyList<MatchingEvent> events)
    {
        foreach (var matchingEvent in events)
        {
            Remember(matchingEvent);
            if (matchingEvent is OrderFilled filled)
            {
                _ledger.Apply(filled.Fill);
            }
        }

        Publish(events);
    }
}
