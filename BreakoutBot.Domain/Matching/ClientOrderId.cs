using System.Diagnostics.CodeAnalysis;

namespace BreakoutBot.Domain.Matching;

/// <summary>
/// The caller's id for an order, Bybit's <c>orderLinkId</c>: 1–36 characters of <c>[A-Za-z0-9_-]</c>, unique per venue,
/// which is what makes a repeated submit idempotent. Typed so it cannot be confused with the venue's order id.
/// </summary>
public readonly record struct ClientOrderId
{
    public const int MaxLength = 36;

    private readonly string? _value;

    /// <exception cref="FormatException">The text is not a valid orderLinkId.</exception>
    public ClientOrderId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = IsValid(value) ? value : throw new FormatException($"'{value}' is not a valid orderLinkId (1-{MaxLength} of A-Z a-z 0-9 _ -).");
    }

    public string Value => _value ?? string.Empty;

    public static bool TryParse([NotNullWhen(true)] string? text, out ClientOrderId id)
    {
        if (text is not null && IsValid(text))
        {
            id = new ClientOrderId(text);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value;

    private static bool IsValid(string text) =>
        text.Length is > 0 and <= MaxLength && text.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
