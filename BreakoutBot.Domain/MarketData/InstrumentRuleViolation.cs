namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// Why an order's price or quantity breaks an instrument's filters. Returned as a value, not thrown, because
/// risk sizing expects some candidates to fail and needs to say which rule failed.
/// </summary>
public enum InstrumentRuleViolation
{
    None,
    PriceNotPositive,
    PriceNotOnTick,
    PriceBelowMinimum,
    PriceAboveMaximum,
    QuantityNotPositive,
    QuantityNotOnLotStep,
    QuantityBelowMinimum,
    QuantityAboveMaximum,

    /// <summary>quantity × price is below <see cref="Instrument.MinNotionalValue"/> (Bybit error 110094).</summary>
    NotionalBelowMinimum,
}
