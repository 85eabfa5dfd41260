using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Matching;

/// <summary>
/// A deterministic model of Bybit's matching for one linear contract, used by the exchange simulator (which feeds it
/// every print of the tape, with the book after it, and the mark price): validates and accepts orders, fills them
/// against the latest book snapshot and public trades, keeps the net position its own fills create (for reduce-only),
/// and returns what happened as an ordered list of events.
/// </summary>
/// <remarks>
/// Pure and single-threaded: time comes from the caller (and from market data), nothing is read from a clock.
/// Our orders are not part of the venue book, so they never match each other and never move public prices.
/// A market order with no book snapshot yet finds no liquidity and is cancelled.
/// </remarks>
public sealed partial class MatchingEngine
{
    private readonly MatchingOptions _options;
    private readonly Dictionary<ClientOrderId, OrderState> _orders = [];
    private readonly List<ClientOrderId> _pending = [];
    private readonly List<ClientOrderId> _untriggered = [];
    private readonly Dictionary<ClientOrderId, long> _restingPriority = [];
    private readonly WorkingBook _book = new();
    private readonly HashSet<string> _seenTradeIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenTradeOrder = new();
    private long _orderCount;
    private long _executionCount;
    private long _priorityCount;

    /// <param name="initialPosition">Net position in base coin before the first fill: positive long, negative short.</param>
    public MatchingEngine(Instrument instrument, MatchingOptions? options = null, decimal initialPosition = 0)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
        _options = options ?? MatchingOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MarketSlippageBps, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.QueueShareAtPrice, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.QueueShareAtPrice, 1m, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Latency, TimeSpan.Zero, nameof(options));
        Position = initialPosition;
    }

    public Instrument Instrument { get; }

    public InstrumentSymbol Symbol => Instrument.Symbol;

    /// <summary>Net position in base coin, changed only by this engine's fills: positive long, negative short.</summary>
    public decimal Position { get; private set; }

    public decimal? LastPrice { get; private set; }

    public decimal? MarkPrice { get; private set; }

    public decimal? IndexPrice { get; private set; }

    /// <summary>True while any order can still fill or be cancelled (cheaper than <see cref="OpenOrders"/>).</summary>
    public bool HasOpenOrders => _orders.Values.Any(static o => o.IsOpen);

    /// <summary>Orders that can still fill or be cancelled, in submit order.</summary>
    public IReadOnlyList<OrderState> OpenOrders => _orders.Values.Where(static o => o.IsOpen).OrderBy(static o => o.SubmittedAt).ToList();

    public OrderState? FindOrder(ClientOrderId clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    /// <summary>
    /// Accepts an order, or refuses it as a value. Checks that need no market state (instrument filters, parameters,
    /// duplicate client id) answer at once; the rest (reduce-only, PostOnly, FOK, trigger) when the order arrives,
    /// <see cref="MatchingOptions.Latency"/> after <paramref name="time"/>.
    /// </summary>
    public OrderCommandResult Submit(OrderRequest request, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        var events = new List<MatchingEvent>();
        ActivateArrived(time, events);

        if (_orders.TryGetValue(request.ClientOrderId, out var existing))
        {
            // Idempotent: the second delivery of a submit changes nothing and points at the first order.
            return Refused(existing, OrderRejectReason.DuplicateClientOrderId, $"orderLinkId '{request.ClientOrderId}' is already used.", events);
        }

        if (CheckRequest(request) is { } rejection)
        {
            return new OrderCommandResult(null, rejection, events);
        }

        if (request.ReduceOnly && request.Trigger is null && _options.Latency == TimeSpan.Zero && Instrument.FloorQuantityToStep(Reducible(request.Side)) <= 0)
        {
            // Arriving at once, a plain reduce-only order with nothing to reduce is refused at once, as Bybit answers 110017.
            return Refused(null, OrderRejectReason.ReduceOnlyWouldIncreasePosition, $"Reduce-only {request.Side} with no {(request.Side == OrderSide.Buy ? "short" : "long")} position to reduce.", events);
        }

        var orderId = string.Create(CultureInfo.InvariantCulture, $"{Symbol}-O{++_orderCount}");
        var order = OrderState.Submit(orderId, request, time, time + _options.Latency);
        _orders[request.ClientOrderId] = order;
        if (order.ActiveAt <= time)
        {
            Activate(order, events);
        }
        else
        {
            _pending.Add(request.ClientOrderId);
        }

        SettleAfterFills(time, events);
        return new OrderCommandResult(_orders[request.ClientOrderId], null, events);
    }

    /// <summary>Cancels an open order at once; an untriggered conditional order becomes Deactivated.</summary>
    public OrderCommandResult Cancel(ClientOrderId clientOrderId, DateTimeOffset time, OrderCancelReason reason = OrderCancelReason.ByUser)
    {
        var events = new List<MatchingEvent>();
        ActivateArrived(time, events);
        if (!_orders.TryGetValue(clientOrderId, out var order))
        {
            return Refused(null, OrderRejectReason.OrderNotFound, $"No order '{clientOrderId}'.", events);
        }

        if (!order.IsOpen)
        {
            return Refused(order, OrderRejectReason.OrderNotOpen, $"Order '{clientOrderId}' is already {order.Status}.", events);
        }

        Record(order.Cancel(reason, time), events);
        return new OrderCommandResult(_orders[clientOrderId], null, events);
    }

    /// <summary>
    /// Changes quantity, limit price or trigger price of an open order. A new price or a larger quantity loses queue
    /// priority; a new limit price that crosses the book trades at once (a PostOnly order is cancelled instead).
    /// </summary>
    public OrderCommandResult Amend(OrderAmendment amendment, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        var events = new List<MatchingEvent>();
        ActivateArrived(time, events);
        if (!_orders.TryGetValue(amendment.ClientOrderId, out var order))
        {
            return Refused(null, OrderRejectReason.OrderNotFound, $"No order '{amendment.ClientOrderId}'.", events);
        }

        if (!order.IsOpen)
        {
            return Refused(order, OrderRejectReason.OrderNotOpen, $"Order '{amendment.ClientOrderId}' is already {order.Status}.", events);
        }

        if (CheckAmendment(order, amendment) is { } rejection)
        {
            return new OrderCommandResult(order, rejection, events);
        }

        var quantity = amendment.Quantity ?? order.Quantity;
        var limitPrice = amendment.LimitPrice ?? order.LimitPrice;
        var trigger = amendment.TriggerPrice is { } triggerPrice ? order.Trigger! with { Price = triggerPrice } : order.Trigger;
        var amended = order.Amend(quantity, limitPrice, trigger, time);
        Record(amended, events);
        if (_restingPriority.ContainsKey(amended.ClientOrderId))
        {
            if (limitPrice != order.LimitPrice || quantity > order.Quantity)
            {
                _restingPriority[amended.ClientOrderId] = ++_priorityCount;
            }

            RematchAmended(amended, time, events);
        }

        FireTriggers(time, events);
        SettleAfterFills(time, events);
        return new OrderCommandResult(_orders[amendment.ClientOrderId], null, events);
    }

    /// <summary>Lets orders in flight arrive; call it when time passes without market data.</summary>
    public IReadOnlyList<MatchingEvent> AdvanceTo(DateTimeOffset time)
    {
        var events = new List<MatchingEvent>();
        ActivateArrived(time, events);
        SettleAfterFills(time, events);
        return events;
    }

    /// <summary>
    /// Replaces the book. Orders that arrived before the snapshot trade against the previous book first; then resting
    /// orders that the new book crosses fill as maker at their own price. A stale or repeated snapshot changes nothing.
    /// </summary>
    public IReadOnlyList<MatchingEvent> OnOrderBook(OrderBookSnapshot book)
    {
        ArgumentNullException.ThrowIfNull(book);
        RequireSymbol(book.Symbol);
        var events = new List<MatchingEvent>();
        if (_book.Time is { } previous && (book.Time < previous || (book.UpdateId != 0 && book.UpdateId == _book.UpdateId)))
        {
            return events;
        }

        ActivateArrived(book.Time, events);
        _book.Replace(book);
        FillRestingAgainstBook(book.Time, events);
        SettleAfterFills(book.Time, events);
        return events;
    }

    /// <summary>
    /// A public trade: moves the last price (which may fire conditional orders) and fills resting orders it traded
    /// through. A trade id seen before changes nothing.
    /// </summary>
    public IReadOnlyList<MatchingEvent> OnTrade(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        RequireSymbol(trade.Symbol);
        var events = new List<MatchingEvent>();
        if (!RememberTrade(trade.TradeId))
        {
            return events;
        }

        ActivateArrived(trade.Time, events);
        if (trade.IsBlockTrade)
        {
            // Negotiated off the book: it neither sets the last price nor reaches resting orders.
            return events;
        }

        LastPrice = trade.Price;
        FireTriggers(trade.Time, events);
        FillRestingAgainstTrade(trade, events);
        SettleAfterFills(trade.Time, events);
        return events;
    }

    /// <summary>A new mark price (and index price, when given), which may fire conditional orders triggered by them.</summary>
    public IReadOnlyList<MatchingEvent> OnMarkPrice(decimal markPrice, DateTimeOffset time, decimal? indexPrice = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(markPrice);
        var events = new List<MatchingEvent>();
        ActivateArrived(time, events);
        MarkPrice = markPrice;
        IndexPrice = indexPrice ?? IndexPrice;
        FireTriggers(time, events);
        SettleAfterFills(time, events);
        return events;
    }

    /// <summary>Last and mark price from a ticker; fires conditional orders on either.</summary>
    public IReadOnlyList<MatchingEvent> OnTicker(Ticker ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        RequireSymbol(ticker.Symbol);
        var events = new List<MatchingEvent>();
        ActivateArrived(ticker.Time, events);
        LastPrice = ticker.LastPrice;
        MarkPrice = ticker.MarkPrice;
        IndexPrice = ticker.IndexPrice;
        FireTriggers(ticker.Time, events);
        SettleAfterFills(ticker.Time, events);
        return events;
    }

    private static OrderCommandResult Refused(OrderState? order, OrderRejectReason reason, string message, List<MatchingEvent> events) =>
        new(order, new OrderRejection(reason, message), events);

    private void RequireSymbol(InstrumentSymbol symbol)
    {
        if (symbol != Symbol)
        {
            throw new ArgumentException($"This engine matches {Symbol}, not {symbol}.", nameof(symbol));
        }
    }

    private bool RememberTrade(string tradeId)
    {
        if (!_seenTradeIds.Add(tradeId))
        {
            return false;
        }

        _seenTradeOrder.Enqueue(tradeId);
        if (_seenTradeOrder.Count > _options.RememberedTradeIds)
        {
            _seenTradeIds.Remove(_seenTradeOrder.Dequeue());
        }

        return true;
    }
}
