using System.Collections.Concurrent;

namespace BreakoutBot.Bybit.Resilience;

/// <summary>
/// Bybit's per-account, per-endpoint limits as the venue reports them in <c>X-Bapi-Limit</c>,
/// <c>X-Bapi-Limit-Status</c> (requests left in the window) and <c>X-Bapi-Limit-Reset-Timestamp</c>. Requests spend
/// the known remainder; once it is zero, the next request to that endpoint waits until the reset instead of earning a
/// 10006. One instance per account (process), shared by every client. Thread-safe.
/// </summary>
public sealed class BybitRateLimiter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, EndpointBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>How long a request to <paramref name="endpoint"/> must wait now (zero when it may go), and takes its turn.</summary>
    public TimeSpan ReserveTurn(string endpoint, TimeSpan maxWait)
    {
        if (!_budgets.TryGetValue(endpoint, out var budget))
        {
            return TimeSpan.Zero;
        }

        lock (budget)
        {
            var now = clock.GetUtcNow();
            if (budget.Remaining is null)
            {
                return TimeSpan.Zero;
            }

            if (budget.Remaining > 0)
            {
                budget.Remaining--;
                return TimeSpan.Zero;
            }

            if (budget.ResetAt <= now)
            {
                // The window has moved on; until the venue says otherwise, assume the limit is available again.
                budget.Remaining = budget.Limit is { } limit ? limit - 1 : null;
                return TimeSpan.Zero;
            }

            var wait = budget.ResetAt - now;
            return wait > maxWait ? maxWait : wait;
        }
    }

    /// <summary>Records what the venue said about <paramref name="endpoint"/>'s limit.</summary>
    public void Observe(string endpoint, ResponseHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Remaining is not { } remaining)
        {
            return;
        }

        var budget = _budgets.GetOrAdd(endpoint, static _ => new EndpointBudget());
        lock (budget)
        {
            budget.Limit = head.Limit;
            budget.Remaining = remaining;
            budget.ResetAt = clock.GetUtcNow() + (head.UntilReset ?? TimeSpan.Zero);
        }
    }

    /// <summary>The last reported state of an endpoint's limit: (limit, remaining); null before the first response.</summary>
    public (int? Limit, int Remaining)? StatusOf(string endpoint)
    {
        if (!_budgets.TryGetValue(endpoint, out var budget))
        {
            return null;
        }

        lock (budget)
        {
            return budget.Remaining is { } remaining ? (budget.Limit, remaining) : null;
        }
    }

    private sealed class EndpointBudget
    {
        public int? Limit { get; set; }

        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }
    }
}
