using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Executor.Venue;

namespace BreakoutBot.Executor.Tests.Infrastructure;

/// <summary>How the scripted venue answers the next order placement.</summary>
public enum PlacementAnswer
{
    /// <summary>Takes the order and answers with it.</summary>
    Accept,

    /// <summary>Refuses it with a business error (insufficient balance): the order does not exist.</summary>
    Refuse,

    /// <summary>Takes the order, but the answer never arrives (a timeout on our side).</summary>
    LoseAnswerAfterPlacing,

    /// <summary>The request never reaches the matching engine, and no answer arrives either.</summary>
    LoseRequest,

    /// <summary>Takes the order and answers "server error" (10016): the outcome is unknown to the caller.</summary>
    ServerErrorAfterPlacing,
}

/// <summary>
/// A venue for the order router's unit tests, scripted answer by answer: it keeps orders by orderLinkId as Bybit does
/// (a second placement of a known orderLinkId is refused with 110072), can hide a new order from lookups for a number
/// of reads (a venue shows new orders late), and fills orders when told. Only the order endpoints are implemented.
/// </summary>
internal sealed class ScriptedVenue : IVenue
{
    private readonly Queue<PlacementAnswer> _answers = new();
    private readonly Dictionary<string, VenueOrderState> _orders = new(StringComparer.Ordinal);

    /// <summary>Every placement request that reached the venue (answered or not), in order.</summary>
    public List<OrderPlacement> Received { get; } = [];

    /// <summary>The orderLinkIds the venue refused (it holds none of them unless a later placement was taken).</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs when a placement arrives, before the venue acts on it (to look at what the caller committed).</summary>
    public Func<OrderPlacement, Task>? OnArrival { get; set; }

    /// <summary>Reads for which a newly taken order stays invisible to lookups.</summary>
    public int HiddenReads { get; set; }

    public DateTimeOffset? VenueNow => null;

    public void Answer(params PlacementAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Forgets the answers not used yet: from now on every placement is taken.</summary>
    public void ClearAnswers() => _answers.Clear();

    /// <summary>Whether the venue holds an order with this orderLinkId (whatever its state).</summary>
    public bool Holds(string orderLinkId) => _orders.ContainsKey(orderLinkId);

    /// <summary>The venue's own view of an order (visible or not), or null when it never took it.</summary>
    public VenueOrder? Truth(string orderLinkId) => _orders.TryGetValue(orderLinkId, out var state) ? state.View() : null;

    /// <summary>Executes <paramref name="quantity"/> more of a working order at <paramref name="price"/> with its fee.</summary>
    public void Fill(string orderLinkId, decimal quantity, decimal price, decimal fee)
    {
        var state = _orders[orderLinkId];
        if (state.IsTerminal)
        {
            throw new InvalidOperationException($"{orderLinkId} is {state.Status}: it cannot fill");
        }

        quantity = Math.Min(quantity, state.Quantity - state.Filled);
        state.Notional += quantity * price;
        state.Filled += quantity;
        state.Fee += fee;
        state.Status = state.Filled == state.Quantity ? "Filled" : "PartiallyFilled";
    }

    /// <summary>Makes every order visible to lookups (the venue has caught up).</summary>
    public void RevealAll()
    {
        foreach (var state in _orders.Values)
        {
            state.HiddenReads = 0;
        }
    }

    public IReadOnlyCollection<string> OrderLinkIds => _orders.Keys;

    /// <summary>The positions the venue reports (scripted by the test; the venue's order fills do not change them).</summary>
    public List<VenuePosition> Positions { get; } = [];

    /// <summary>The account's funding settlements the venue reports (scripted by the test).</summary>
    public List<VenueTransaction> Funding { get; } = [];

    /// <summary>The account's executions the venue reports (scripted by the test).</summary>
    public List<VenueExecution> Executions { get; } = [];

    public async Task<VenueOrder> PlaceOrderAsync(OrderPlacement order, CancellationToken cancellationToken)
    {
        Received.Add(order);
        if (OnArrival is { } onArrival)
        {
            await onArrival(order);
        }

        var answer = _answers.Count > 0 ? _answers.Dequeue() : PlacementAnswer.Accept;
        if (answer == PlacementAnswer.LoseRequest)
        {
            throw new HttpRequestException("connection reset before the request was read");
        }

        if (_orders.ContainsKey(order.OrderLinkId))
        {
            throw new BybitApiException("/v5/order/create", BybitRetCodes.DuplicateOrderLinkId, "OrderLinkedID is duplicate");
        }

        if (answer == PlacementAnswer.Refuse)
        {
            Refused.Add(order.OrderLinkId);
            throw new BybitApiException("/v5/order/create", BybitRetCodes.InsufficientBalance, "ab not enough for new order");
        }

        var state = new VenueOrderState("v" + (_orders.Count + 1), order.OrderLinkId, order.Quantity) { HiddenReads = HiddenReads };
        _orders[order.OrderLinkId] = state;
        return answer switch
        {
            PlacementAnswer.LoseAnswerAfterPlacing => throw new TaskCanceledException("the answer timed out"),
            PlacementAnswer.ServerErrorAfterPlacing => throw new BybitApiException("/v5/order/create", BybitRetCodes.ServerError, "Server error"),
            _ => state.View(),
        };
    }

    public Task<VenueOrder?> GetOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken)
    {
        if (!_orders.TryGetValue(orderLinkId, out var state))
        {
            return Task.FromResult<VenueOrder?>(null);
        }

        if (state.HiddenReads > 0)
        {
            state.HiddenReads--;
            return Task.FromResult<VenueOrder?>(null);
        }

        return Task.FromResult<VenueOrder?>(state.View());
    }

    public Task<bool> CancelOrderAsync(InstrumentSymbol symbol, string orderLinkId, CancellationToken cancellationToken)
    {
        if (!_orders.TryGetValue(orderLinkId, out var state) || state.IsTerminal)
        {
            return Task.FromResult(false);
        }

        state.Status = state.Filled > 0 ? "PartiallyFilledCanceled" : "Cancelled";
        return Task.FromResult(true);
    }

    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken) => throw Unscripted();

    public Task<TimeSpan> SynchronizeClockAsync(CancellationToken cancellationToken) => throw Unscripted();

    public Task PrepareAccountAsync(CancellationToken cancellationToken) => throw Unscripted();

    public Task SetLeverageAsync(InstrumentSymbol symbol, decimal leverage, CancellationToken cancellationToken) => throw Unscripted();

    public Task<IReadOnlyList<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) => throw Unscripted();

    public Task<WalletBalance> GetWalletAsync(CancellationToken cancellationToken) => throw Unscripted();

    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<VenuePosition>>([.. Positions]);

    public Task<Ticker?> GetTickerAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) => throw Unscripted();

    public Task<OrderBookSnapshot> GetOrderBookAsync(InstrumentSymbol symbol, int depth, CancellationToken cancellationToken) => throw Unscripted();

    public Task<IReadOnlyList<Candle>> GetKlinesAsync(InstrumentSymbol symbol, CandleInterval interval, int limit, CancellationToken cancellationToken) => throw Unscripted();

    public Task CancelAllOrdersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) => throw Unscripted();

    public Task<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) => throw Unscripted();

    /// <summary>The <see cref="Funding"/> settlements, newest first (as the venue lists them).</summary>
    public Task<IReadOnlyList<VenueTransaction>> GetRecentFundingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VenueTransaction>>([.. Funding.OrderByDescending(settlement => settlement.Time)]);

    /// <summary>The <see cref="Executions"/> in <paramref name="symbol"/>, newest first (as the venue lists them).</summary>
    public Task<IReadOnlyList<VenueExecution>> GetRecentExecutionsAsync(InstrumentSymbol symbol, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VenueExecution>>([.. Executions.Where(execution => execution.Symbol == symbol).OrderByDescending(execution => execution.Time)]);

    private static NotSupportedException Unscripted() => new("the scripted venue answers only the order, position, execution and funding endpoints");

    private sealed class VenueOrderState(string orderId, string orderLinkId, decimal quantity)
    {
        public string Status { get; set; } = "New";

        public decimal Quantity { get; } = quantity;

        public decimal Filled { get; set; }

        public decimal Notional { get; set; }

        public decimal Fee { get; set; }

        public int HiddenReads { get; set; }

        public bool IsTerminal => Status is "Filled" or "Cancelled" or "PartiallyFilledCanceled";

        public VenueOrder View() => new(orderId, orderLinkId, Status, Quantity, Filled, Filled > 0 ? Notional / Filled : null, Fee)
        {
            CreatedTime = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
        };
    }
}
