using System.Text.RegularExpressions;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Api.Paging;

/// <summary>
/// Checks query parameters before they reach the database: paging bounds, time ranges, and filter strings limited
/// to the characters their values can have (so an injection attempt is a 400, not a query).
/// </summary>
public sealed partial class QueryValidation
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPageNumber = 100_000;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public (int Page, int PageSize) Paging(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number is < 1 or > MaxPageNumber)
        {
            Add("page", $"must be between 1 and {MaxPageNumber}");
        }

        if (size is < 1 or > MaxPageSize)
        {
            Add("pageSize", $"must be between 1 and {MaxPageSize}");
        }

        return (number, size);
    }

    public (DateTimeOffset? From, DateTimeOffset? To) Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start && to is { } end && start > end)
        {
            Add("from", "must not be after 'to'");
        }

        return (from?.ToUniversalTime(), to?.ToUniversalTime());
    }

    /// <summary>A Bybit symbol (A-Z, 0-9, '-'), or null.</summary>
    public string? Symbol(string? symbol, string key = "symbol")
    {
        if (symbol is null)
        {
            return null;
        }

        if (!InstrumentSymbol.TryParse(symbol, out _))
        {
            Add(key, "must be a Bybit symbol such as BTCUSDT (A-Z, 0-9 and '-', at most 32 characters)");
        }

        return symbol;
    }

    /// <summary>A name-like filter (letters, digits, '_', '-', '.', ':'), at most 64 characters, or null.</summary>
    public string? Word(string? value, string key)
    {
        if (value is null)
        {
            return null;
        }

        if (!WordPattern().IsMatch(value))
        {
            Add(key, "may contain only letters, digits, '_', '-', '.' and ':' (at most 64 characters)");
        }

        return value;
    }

    /// <summary>
    /// A caller filter: a key name, or <c>key/person</c> for a console user (user names may hold letters, digits and
    /// <c>-._@+</c>), at most 300 characters, or null.
    /// </summary>
    public string? Actor(string? value, string key)
    {
        if (value is not null && !ActorPattern().IsMatch(value))
        {
            Add(key, "may contain only letters, digits, '_', '-', '.', ':', '@', '+' and '/' (at most 300 characters)");
        }

        return value;
    }

    /// <summary>An enum value by name, any case (<c>Long</c> as the JSON writes it, or <c>long</c>); numbers are refused.</summary>
    public TEnum? Enum<TEnum>(string? value, string key) where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 0 && char.IsAsciiLetter(value[0]) && value.All(char.IsAsciiLetterOrDigit) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        Add(key, $"must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        return null;
    }

    public void Add(string key, string message) =>
        _errors[key] = _errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex("^[A-Za-z0-9_.:@+/-]{1,300}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActorPattern();
}
