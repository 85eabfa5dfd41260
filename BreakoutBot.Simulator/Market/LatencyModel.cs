using Microsoft.Extensions.Options;

namespace BreakoutBot.Simulator.Market;

/// <summary>Draws the venue's delays (<see cref="LatencyOptions"/>) from one seeded source. Thread-safe.</summary>
public sealed class LatencyModel(IOptions<LatencyOptions> options)
{
    private readonly LatencyOptions _options = options.Value;
    private readonly Random _random = new(options.Value.Seed);
    private readonly Lock _gate = new();

    public bool IsZero => _options.OrderAckMs == 0 && _options.StreamMs == 0 && _options.JitterMs == 0;

    /// <summary>How long the next order-path request waits before the venue handles it.</summary>
    public TimeSpan NextOrderDelay() => Draw(_options.OrderAckMs);

    /// <summary>How long after it was made the next stream push may leave.</summary>
    public TimeSpan NextStreamDelay() => Draw(_options.StreamMs);

    private TimeSpan Draw(int baseMs)
    {
        if (baseMs == 0 && _options.JitterMs == 0)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            return TimeSpan.FromMilliseconds(baseMs + (_options.JitterMs * _random.NextDouble()));
        }
    }
}
