using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Simulation;

/// <summary>One simulated perpetual: its starting price, venue filters and typical volume per 5-minute bar.</summary>
public sealed record SyntheticSymbol(InstrumentSymbol Symbol, decimal StartPrice, decimal TickSize, decimal QtyStep, decimal MinOrderQty, decimal BaseVolume, decimal MaxLeverage)
{
    /// <summary>The usual bar's standard deviation, fraction of the price (0.002 = 0.2 %, a major; small caps move more); consolidation boxes scale with it.</summary>
    public double BarVolatility { get; init; } = DefaultBarVolatility;

    /// <summary>The default universe's bar volatility.</summary>
    public const double DefaultBarVolatility = 0.002;

    /// <summary>The venue filters Bybit's instruments-info would report for it.</summary>
    public Instrument ToInstrument() => new(
        Symbol,
        Symbol.Value[..^4],
        "USDT",
        ContractStatus.Trading,
        TickSize,
        TickSize,
        TickSize * 100_000_000m,
        QtyStep,
        MinOrderQty,
        MinOrderQty * 1_000_000m,
        MinOrderQty * 100_000m,
        5m,
        MaxLeverage);
}
