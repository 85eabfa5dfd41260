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
                return new FaultCounters(_requests, _rateLimited, _serverErrors, _delayed, _acksLost);
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
            _requests = _rateLimited = _serverErrors = _delayed = _acksLost = 0;
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
