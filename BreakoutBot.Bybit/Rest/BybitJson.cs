using System.Globalization;
using System.Text.Json;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Reading Bybit's number conventions: prices, quantities and most times are JSON <em>strings</em>, and an absent value
/// is <c>""</c>. They are parsed as <see cref="decimal"/> (never via double), so "0.010" stays exactly 0.010.
/// </summary>
public static class BybitJson
{
    /// <summary>A decimal from a string (or number) property; null when missing or <c>""</c>.</summary>
    /// <exception cref="FormatException">The value is present but not a number; the message names the property.</exception>
    public static decimal? DecimalOrNull(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDecimal();
        }

        var text = value.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"'{property}' is \"{text}\", not a number.");
    }

    /// <exception cref="FormatException">The value is missing, empty or not a number.</exception>
    public static decimal Decimal(JsonElement element, string property) =>
        DecimalOrNull(element, property) ?? throw new FormatException($"'{property}' is missing or empty.");

    /// <summary>A Unix-milliseconds time from a string or number property.</summary>
    public static DateTimeOffset Time(JsonElement element, string property) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Decimal(element, property));
}
