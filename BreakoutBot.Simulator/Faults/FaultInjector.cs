using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Simulator.Faults;

/// <summary>
/// The current <see cref="FaultSettings"/> and the seeded draws that apply them, one decision per request. Replacing
/// the settings resets the random source and the counters, so a test's faults do not depend on earlier requests.
/// Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _settings = FaultSettings.None;
    private Random _random = new(1);
    private int _rateLimitNext;
    private int _serverErrorNext;
    private int _acksToLose;
    private long _requests;
    private long _rateLimited;
    private long _serverErrors;
    private long _delayed;
    private long _acksLost;
    private int[] _refusalsLeft = [];
    private int _cancelAfterAcceptLeft;
    private int _partialFillsLeft;
    private long _ordersRefused;
    private long _cancelledAfterAccept;
    private long _partialFills;
    private long _ordersHidden;
    private readonly Dictionary<string, long> _hiddenUntil = new(StringComparer.Ordinal);

    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    public FaultCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new FaultCounters(_requests, _rateLimited, _serverErrors, _delayed, _acksLost, _ordersRefused, _cancelledAfterAccept, _partialFills, _ordersHidden);
            }
        }
    }

    public void Apply(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            _settings = settings;
            _random = new Random(settings.Seed);
            _rateLimitNext = settings.RateLimitNext;
            _serverErrorNext = settings.ServerErrorNext;
            _acksToLose = settings.LoseOrderAcks;
            _refusalsLeft = [.. settings.RefuseOrders.Select(refusal => refusal.Count)];
            _cancelAfterAcceptLeft = settings.CancelAfterAcceptNext;
            _partialFillsLeft = settings.PartialFillNext;
            _hiddenUntil.Clear();
            _requests = _rateLimited = _serverErrors = _delayed = _acksLost = 0;
            _ordersRefused = _cancelledAfterAccept = _partialFills = _ordersHidden = 0;
        }
    }

    /// <summary>Decides what happens to one order create (the first matching fault of the settings' order-path faults), or null.</summary>
    public OrderFault? DecideOrder(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            for (var i = 0; i < _refusalsLeft.Length; i++)
            {
                var refusal = _settings.RefuseOrders[i];
                if (_refusalsLeft[i] > 0 && refusal.Kind.Matches(request))
                {
                    _refusalsLeft[i]--;
                    _ordersRefused++;
                    return new OrderFault.Refuse(refusal.RetCode, refusal.Message);
                }
            }

            if (_partialFillsLeft > 0 && request.Type == OrderType.Market && _settings.PartialFillKind.Matches(request))
            {
                _partialFillsLeft--;
                _partialFills++;
                return new OrderFault.PartialFill((decimal)_settings.PartialFillShare);
            }

            if (_cancelAfterAcceptLeft > 0 && _settings.CancelAfterAcceptKind.Matches(request))
            {
                _cancelAfterAcceptLeft--;
                _cancelledAfterAccept++;
                return new OrderFault.CancelAfterAccept();
            }

            return null;
        }
    }

    /// <summary>An order was created: with <see cref="FaultSettings.HideCreatedOrdersMs"/> it stays out of order queries for that long.</summary>
    public void Created(string orderId, long nowTimestamp, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        lock (_gate)
        {
            if (_settings.HideCreatedOrdersMs > 0)
            {
                _hiddenUntil[orderId] = nowTimestamp + (long)(clock.TimestampFrequency * (_settings.HideCreatedOrdersMs / 1000.0));
                _ordersHidden++;
            }
        }
    }

    /// <summary>True while a created order must not be visible to order queries yet.</summary>
    public bool IsHidden(string orderId, long nowTimestamp)
    {
        lock (_gate)
        {
            if (!_hiddenUntil.TryGetValue(orderId, out var until))
            {
                return false;
            }

            if (nowTimestamp < until)
            {
                return true;
            }

            _hiddenUntil.Remove(orderId);
            return false;
        }
    }

    /// <summary>Decides what happens to one request on <paramref name="path"/>.</summary>
    public FaultDecision Decide(string method, string path)
    {
        lock (_gate)
        {
            if (!path.StartsWith(_settings.PathPrefix, StringComparison.Ordinal))
            {
                return FaultDecision.None;
            }

            _requests++;
            var delay = TimeSpan.FromMilliseconds(_settings.DelayMs);
            if (delay > TimeSpan.Zero || _settings.AnswerDelayMs > 0)
            {
                _delayed++;
            }

            // Draw both shares every time so one fault's setting does not shift the other's sequence.
            var rateLimitDraw = _random.NextDouble();
            var serverErrorDraw = _random.NextDouble();
            var kind = FaultKind.None;
            if (_rateLimitNext > 0 || rateLimitDraw < _settings.RateLimitedShare)
            {
                _rateLimitNext = Math.Max(0, _rateLimitNext - 1);
                _rateLimited++;
                kind = FaultKind.RateLimited;
            }
            else if (_serverErrorNext > 0 || serverErrorDraw < _settings.ServerErrorShare)
            {
                _serverErrorNext = Math.Max(0, _serverErrorNext - 1);
                _serverErrors++;
                kind = FaultKind.ServerError;
            }
            else if (_acksToLose > 0 && method == HttpMethods.Post && path == "/v5/order/create")
            {
                _acksToLose--;
                _acksLost++;
                kind = FaultKind.LoseAck;
            }

            return new FaultDecision(kind, delay, _settings);
        }
    }
}
