using System.Collections.Concurrent;

namespace BreakoutBot.Api.Security;

/// <summary>
/// Counts wrong API keys per client address: after <see cref="MaxFailures"/> within <see cref="Window"/>, that address
/// is refused (429 with Retry-After) until the window ends, whatever key it presents — guessing keys costs time.
/// </summary>
public sealed class FailedKeyThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int MaxTrackedAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _byAddress = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> stays refused; null when it may try.</summary>
    public TimeSpan? RefusedFor(string address)
    {
        if (!_byAddress.TryGetValue(address, out var failures))
        {
            return null;
        }

        var left = failures.Since + Window - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            _byAddress.TryRemove(KeyValuePair.Create(address, failures));
            return null;
        }

        return failures.Count >= MaxFailures ? left : null;
    }

    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        if (_byAddress.Count >= MaxTrackedAddresses)
        {
            // Many addresses guessing at once: forget the ones whose window ended so the table stays bounded.
            foreach (var stale in _byAddress.Where(entry => now - entry.Value.Since >= Window))
            {
                _byAddress.TryRemove(stale);
            }
        }

        _byAddress.AddOrUpdate(
            address,
            _ => new Failures(now, 1),
            (_, failures) => now - failures.Since >= Window ? new Failures(now, 1) : failures with { Count = failures.Count + 1 });
    }

    private sealed record Failures(DateTimeOffset Since, int Count);
}
