namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// The venue's market clock as its answers show it: the <c>time</c> of every market-data answer is observed, and "now"
/// is the latest one carried forward at the rate the venue's clock has been seen to run against ours (measured over at
/// least <see cref="MinimumRateSpan"/>; 1 until then). On Bybit that rate is 1 and this is its server clock to within a
/// round trip; the simulator's market clock runs at its speed (its <c>/v5/market/time</c> and private answers keep to
/// real time so that signatures stay valid, so they are not observed). Thread-safe.
/// </summary>
public sealed class VenueClock(TimeProvider local)
{
    /// <summary>The shortest span of our time over which the venue clock's rate is measured.</summary>
    public static readonly TimeSpan MinimumRateSpan = TimeSpan.FromSeconds(2);

    /// <summary>Readings older than this are dropped as the rate's base, so a venue whose speed changes is followed.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private Reading? _base;
    private Reading? _latest;

    /// <summary>The venue's market clock now; null until a market-data answer was observed.</summary>
    public DateTimeOffset? Now
    {
        get
        {
            lock (_gate)
            {
                return _latest is { } latest ? latest.Venue + ((local.GetUtcNow() - latest.Local) * Rate()) : null;
            }
        }
    }

    /// <summary>Notes the venue time an answer carried (received now, by our clock).</summary>
    public void Observe(DateTimeOffset venueTime)
    {
        var now = local.GetUtcNow();
        lock (_gate)
        {
            if (_latest is { } latest && venueTime < latest.Venue)
            {
                return;
            }

            _base = _base is { } start && now - start.Local <= RateWindow ? start : _latest ?? new Reading(venueTime, now);
            _latest = new Reading(venueTime, now);
        }
    }

    private double Rate()
    {
        if (_base is not { } start || _latest is not { } latest || latest.Local - start.Local < MinimumRateSpan)
        {
            return 1;
        }

        var rate = (latest.Venue - start.Venue) / (latest.Local - start.Local);
        return rate > 0 ? rate : 1;
    }

    private readonly record struct Reading(DateTimeOffset Venue, DateTimeOffset Local);
}
