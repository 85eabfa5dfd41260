using System.Diagnostics.CodeAnalysis;

namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// A Bybit instrument name such as <c>BTCUSDT</c> or <c>1000PEPEUSDT</c>: upper-case letters and digits, plus
/// <c>-</c> because dated futures (<c>BTC-26DEC25</c>) use it. Typed so a symbol cannot be confused with a coin or an id.
/// </summary>
public readonly record struct InstrumentSymbol
{
    public const int MaxLength = 32;

    private readonly string? _value;

    /// <exception cref="FormatException">The text is not a valid symbol; the message says why.</exception>
    public InstrumentSymbol(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = Validate(value) is { } error ? throw new FormatException(error) : value;
    }

    /// <summary>The symbol as Bybit spells it; empty for <c>default(InstrumentSymbol)</c>.</summary>
    public string Value => _value ?? string.Empty;

    public static InstrumentSymbol Parse(string text) => new(text);

    /// <summary>Accepts only the exact Bybit spelling: no trimming or case folding, so a typo is not silently "fixed".</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out InstrumentSymbol symbol)
    {
        if (text is not null && Validate(text) is null)
        {
            symbol = new InstrumentSymbol(text);
            return true;
        }

        symbol = default;
        return false;
    }

    public override string ToString() => Value;

    private static string? Validate(string text)
    {
        if (text.Length == 0)
        {
            return "An instrument symbol must not be empty.";
        }

        if (text.Length > MaxLength)
        {
            return $"Instrument symbol '{text}' is longer than {MaxLength} characters.";
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return $"Instrument symbol '{text}' may contain only A-Z, 0-9 and '-' (found '{c}').";
            }
        }

        return null;
    }
}
