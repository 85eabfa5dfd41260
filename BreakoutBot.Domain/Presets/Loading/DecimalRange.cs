using System.Globalization;

namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>An interval of allowed values; either end may be open, closed or absent.</summary>
internal readonly record struct DecimalRange(decimal? Min, bool MinInclusive, decimal? Max, bool MaxInclusive)
{
    /// <summary>(0, ∞): anything strictly positive.</summary>
    public static DecimalRange Positive => new(0m, false, null, false);

    public static DecimalRange AtLeast(decimal min) => new(min, true, null, false);

    /// <summary>[min, max].</summary>
    public static DecimalRange Closed(decimal min, decimal max) => new(min, true, max, true);

    /// <summary>(min, max].</summary>
    public static DecimalRange AboveUpTo(decimal min, decimal max) => new(min, false, max, true);

    /// <summary>[min, max).</summary>
    public static DecimalRange FromBelow(decimal min, decimal max) => new(min, true, max, false);

    public bool Contains(decimal value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min)) &&
        (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    /// <summary>Interval notation for messages, e.g. "in (0, 0.05]" or "> 0".</summary>
    public string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => string.Create(
            CultureInfo.InvariantCulture,
            $"in {(MinInclusive ? '[' : '(')}{min}, {max}{(MaxInclusive ? ']' : ')')}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"{(MinInclusive ? ">=" : ">")} {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"{(MaxInclusive ? "<=" : "<")} {max}"),
        _ => "of any value",
    };
}
