using System.ComponentModel.DataAnnotations;

namespace BreakoutBot.Simulator.Market;

/// <summary>
/// The <c>Simulator:Latency</c> section: how long the venue takes. Every order-path request (<c>/v5/order/*</c>,
/// <c>/v5/position/*</c>) is handled <see cref="OrderAckMs"/> later, and every stream push leaves
/// <see cref="StreamMs"/> after it was made, each plus a seeded jitter of up to <see cref="JitterMs"/> (pushes never
/// overtake each other). Zero everywhere by default; the AppHost sets realistic figures in sim mode.
/// </summary>
public sealed class LatencyOptions
{
    public const string SectionName = "Simulator:Latency";

    [Range(0, 10_000)]
    public int OrderAckMs { get; set; }

    [Range(0, 10_000)]
    public int StreamMs { get; set; }

    [Range(0, 10_000)]
    public int JitterMs { get; set; }

    public int Seed { get; set; } = 1;
}
