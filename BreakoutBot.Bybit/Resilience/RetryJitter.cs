namespace BreakoutBot.Bybit.Resilience;

/// <summary>The random source of back-off jitter, injectable and seedable so tests see the same delays every run.</summary>
public sealed class RetryJitter
{
    private readonly Random _random;
    private readonly Lock _gate = new();

    /// <param name="seed">Null draws from the process-wide unseeded generator.</param>
#pragma warning disable RS0030 // The one unseeded source, chosen by configuration (no Bybit:RetrySeed): jitter exists to differ between clients.
    public RetryJitter(int? seed = null) => _random = seed is { } value ? new Random(value) : Random.Shared;
#pragma warning restore RS0030

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}
