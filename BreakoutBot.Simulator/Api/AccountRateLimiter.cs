namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Bybit's per-account, per-endpoint limits (rolling one-second windows; UTA Pro defaults for linear): every private
/// request is counted against its endpoint and told how much is left; one over the limit is refused with 10006 and
/// the time the window frees up. Thread-safe.
/// </summary>
public sealed class AccountRateLimiter(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal)
    {
        ["/v5/order/create"] = 10,
        ["/v5/order/amend"] = 10,
        ["/v5/order/cancel"] = 10,
        ["/v5/order/cancel-all"] = 10,
        ["/v5/order/realtime"] = 50,
        ["/v5/order/history"] = 50,
        ["/v5/execution/list"] = 50,
        ["/v5/position/list"] = 50,
        ["/v5/position/set-leverage"] = 10,
        ["/v5/position/trading-stop"] = 10,
        ["/v5/account/wallet-balance"] = 50,
        ["/v5/account/fee-rate"] = 5,
    };

    private readonly Dictionary<(string Key, string Path), Queue<DateTimeOffset>> _windows = [];
    private readonly Lock _gate = new();

    /// <summary>The endpoint's limit per second; null when the endpoint has only the IP limit (market data).</summary>
    public static int? LimitOf(string path) => Limits.TryGetValue(path, out var limit) ? limit : null;

    /// <summary>Counts one request; returns whether it is allowed, what is left and when the window resets.</summary>
    public RateLimitVerdict Count(string apiKey, string path)
    {
        var limit = LimitOf(path) ?? throw new ArgumentException($"{path} has no per-account limit.", nameof(path));
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue((apiKey, path), out var window))
            {
                window = new Queue<DateTimeOffset>();
                _windows[(apiKey, path)] = window;
            }

            while (window.Count > 0 && window.Peek() <= now - Window)
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                return new RateLimitVerdict(false, limit, 0, window.Peek() + Window);
            }

            window.Enqueue(now);
            return new RateLimitVerdict(true, limit, limit - window.Count, now);
        }
    }
}
