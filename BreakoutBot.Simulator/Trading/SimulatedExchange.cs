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
public sealed partial class SimulatedExchange(IMarketSource feed, FundingSchedule funding, IOptions<SimulatorOptions> options)
{
    private readonly Dictionary<InstrumentSymbol, MatchingEngine> _engines = [];
    private readonly Dictionary<InstrumentSymbol, long> _versionsSeen = [];
    private readonly Dictionary<InstrumentSymbol, OrderBookSnapshot> _lastBooks = [];
    private readonly AccountLedger _ledger = new(
        options?.Value.StartingBalance ?? throw new ArgumentNullException(nameof(options)),
        maintenanceMarginRateOf: (symbol, value) => feed.Find(symbol) is { } instrument ? RiskLimitTiers.TierFor(instrument, value).MaintenanceMarginRate : 0.005m);
    private readonly decimal _defaultLeverage = options.Value.DefaultLeverage;
    private readonly MatchingOptions _matching = MatchingOptions.Default with { MarketPriceBandFraction = options.Value.MarketPriceBand };
    private readonly Lock _gate = new();

    public bool Knows(InstrumentSymbol symbol) => feed.Find(symbol) is not null;

    /// <param name="liquidityShare">
    /// Fault injection: the order meets a book holding only this share of its quantity on the side it takes from (the
    /// market's own book comes back with the next step).
    /// </param>
    public OrderCommandResult Submit(OrderRequest request, decimal? liquidityShare = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var engine = EngineFor(request.Symbol);
            CatchUp();
            var thinned = liquidityShare is { } share && _lastBooks.TryGetValue(request.Symbol, out var book) ? book : null;
            if (thinned is not null)
            {
                Book(engine.OnOrderBook(ThinnedBook.For(thinned, request, liquidityShare!.Value, engine.Instrument)));
            }

            if (CheckInitialMargin(engine, request) is { } refusal)
            {
                return new OrderCommandResult(null, refusal, []);
            }

            var result = engine.Submit(request, feed.Now);
            Book(result.Events);
            if (thinned is not null)
            {
                Book(engine.OnOrderBook(thinned));
            }

            return result;
        }
    }

    public OrderCommandResult Cancel(InstrumentSymbol symbol, ClientOrderId clientOrderId, OrderCancelReason reason = OrderCancelReason.ByUser)
    {
        lock (_gate)
        {
            CatchUp();
            var result = EngineFor(symbol).Cancel(clientOrderId, feed.Now, reason);
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
            engine = new MatchingEngine(instrument, _matching);
            _engines[symbol] = engine;
            if (_ledger.LeverageOf(symbol) == AccountLedger.DefaultLeverage && _defaultLeverage != AccountLedger.DefaultLeverage)
            {
                _ledger.SetLeverage(instrument, Math.Min(_defaultLeverage, instrument.MaxLeverage));
            }
        }

        return engine;
    }

    private void CatchUp()
    {
        foreach (var (symbol, engine) in _engines)
        {
            var working = engine.HasOpenOrders || _stops.ContainsKey(symbol);
            foreach (var quote in feed.QuotesSince(symbol, _versionsSeen.GetValueOrDefault(symbol, -1), bookForEveryStep: working))
            {
                _versionsSeen[symbol] = quote.Version;
                Meet(engine, quote);
            }

            // Paper mode follows the upstream only for symbols with something on them.
            if (feed.IsWatched(symbol) && _ledger.PositionOf(symbol) is null && !_stops.ContainsKey(symbol) && !engine.HasOpenOrders && feed.Release(symbol))
            {
                _versionsSeen.Remove(symbol);
            }
        }

        SettleFundingDue();
    }

    /// <summary>One step of the market: the book of its moment first, then the print (triggers, resting fills), then the mark.</summary>
    private void Meet(MatchingEngine engine, MarketQuote quote)
    {
        var time = quote.Book?.Time ?? quote.Trade?.Time ?? feed.Now;
        if (quote.Book is { } book)
        {
            _lastBooks[engine.Symbol] = book;
            Book(engine.OnOrderBook(book));
        }

        if (quote.Trade is { } trade)
        {
            Book(engine.OnTrade(trade));
            Book(engine.OnMarkPrice(quote.MarkPrice, trade.Time, quote.IndexPrice));
            time = trade.Time;
        }
        else
        {
            Book(engine.OnTicker(PricesOnly(engine.Symbol, time, quote)));
        }

        _ledger.UpdateMarkPrice(engine.Symbol, quote.MarkPrice);
        OnPositionStopPrices(engine, quote, time);
        LiquidateIfBelowMaintenance(time);
    }

    private static Ticker PricesOnly(InstrumentSymbol symbol, DateTimeOffset time, MarketQuote quote) => new()
    {
        Symbol = symbol,
        Time = time,
        LastPrice = quote.LastPrice,
        MarkPrice = quote.MarkPrice,
        IndexPrice = quote.IndexPrice,
        HighPrice24h = quote.LastPrice,
        LowPrice24h = quote.LastPrice,
        Volume24h = 0,
        Turnover24h = 0,
        PriceChange24hFraction = 0,
        OpenInterest = 0,
        OpenInterestValue = 0,
    };

    private void Book(IReadOnlyList<MatchingEvent> events)
    {
        List<InstrumentSymbol>? flattened = null;
        foreach (var matchingEvent in events)
        {
            Remember(matchingEvent);
            if (matchingEvent is OrderFilled filled && _ledger.Apply(filled.Fill) is { Outcome: FillOutcome.Applied } applied)
            {
                LogTrade(filled.Fill, applied);
                if (_ledger.PositionOf(filled.Fill.Symbol) is null)
                {
                    (flattened ??= []).Add(filled.Fill.Symbol);
                }
            }
        }

        Publish(events);
        foreach (var symbol in flattened?.Distinct() ?? [])
        {
            DropPartialTpSl(symbol);
        }
    }
}
