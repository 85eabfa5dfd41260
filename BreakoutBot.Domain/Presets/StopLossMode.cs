namespace BreakoutBot.Domain.Presets;

/// <summary>How the stop follows the price once the position runs (<c>sl_mode</c>).</summary>
public enum StopLossMode
{
    /// <summary><c>fixed</c>: the stop stays where it was placed, apart from the breakeven and step-trailing moves.</summary>
    Fixed,

    /// <summary><c>chandelier</c>: the stop trails at the highest high (lowest low for shorts) minus <c>chandelier_atr_mult</c> × ATR over <c>chandelier_lookback_bars</c>.</summary>
    Chandelier,

    /// <summary><c>atr</c>: the stop trails the price at <c>chandelier_atr_mult</c> × ATR.</summary>
    Atr,
}
