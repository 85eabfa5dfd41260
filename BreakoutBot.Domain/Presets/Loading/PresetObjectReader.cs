using System.Globalization;
using System.Text.Json;

namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>
/// Reads one JSON object of a preset, field by field, recording every problem with its JSON path instead of
/// stopping at the first. Every key a section asks for becomes a known key; whatever else the object holds is
/// reported by <see cref="RejectUnknownKeys"/>.
/// </summary>
/// <remarks>
/// When a field is invalid the reader returns a neutral stand-in value (zero, false, empty, null) so the section can carry on
/// and report its other fields; the caller discards the whole preset as soon as any error was recorded.
/// </remarks>
internal sealed class PresetObjectReader
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _propertyOrder = [];
    private readonly List<string> _knownKeys = [];
    private readonly HashSet<string> _keysWithErrors = new(StringComparer.Ordinal);
    private readonly List<PresetError> _errors;
    private readonly int _errorCountAtStart;

    private PresetObjectReader(JsonElement jsonObject, string path, List<PresetError> errors)
    {
        Path = path;
        _errors = errors;
        _errorCountAtStart = errors.Count;
        foreach (var property in jsonObject.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                // JSON allows it, but a second value silently winning is exactly the kind of surprise a preset must not hold.
                AddError(property.Name, "duplicate key; each key may appear once");
                continue;
            }

            _propertyOrder.Add(property.Name);
        }
    }

    public string Path { get; }

    /// <summary>True when this object (or anything read through it) has produced an error.</summary>
    public bool HasErrors => _errors.Count > _errorCountAtStart;

    /// <summary>Errors recorded so far in the whole preset; compare two readings to see whether a step added any.</summary>
    public int TotalErrorCount => _errors.Count;

    /// <summary>The keys present in the object, in document order.</summary>
    public IReadOnlyList<string> Keys => _propertyOrder;

    public static PresetObjectReader Open(JsonElement jsonObject, string path, List<PresetError> errors) =>
        new(jsonObject, path, errors);

    public string PathOf(string key) => JsonPaths.Property(Path, key);

    public void AddError(string key, string message)
    {
        _keysWithErrors.Add(key);
        _errors.Add(new PresetError(PathOf(key), message));
    }

    /// <summary>
    /// True when none of <paramref name="keys"/> produced an error, so a rule relating them can be checked without
    /// piling a second, misleading error on top of the first.
    /// </summary>
    public bool AreValid(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_keysWithErrors.Contains(key))
            {
                return false;
            }
        }

        return true;
    }

    public void AddErrorAt(string path, string message) => _errors.Add(new PresetError(path, message));

    public decimal Decimal(string key, DecimalRange range, string unit) => ReadDecimal(key, range, unit, required: true) ?? 0m;

    public decimal? OptionalDecimal(string key, DecimalRange range, string unit) => ReadDecimal(key, range, unit, required: false);

    public int Int(string key, IntRange range, string unit) => ReadInt(key, range, unit, required: true) ?? 0;

    public int? OptionalInt(string key, IntRange range, string unit) => ReadInt(key, range, unit, required: false);

    public bool Bool(string key)
    {
        if (!TryGetValue(key, required: true, "true or false", out var value))
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            AddError(key, $"expected true or false, got {JsonValueDescription.Of(value)}");
            return false;
        }

        return value.GetBoolean();
    }

    /// <summary>A non-blank string.</summary>
    public string Text(string key)
    {
        const string Expected = "a non-empty string";
        if (!TryGetValue(key, required: true, Expected, out var value))
        {
            return string.Empty;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            AddError(key, $"expected {Expected}, got {JsonValueDescription.Of(value)}");
            return string.Empty;
        }

        return value.GetString()!;
    }

    /// <summary>One of a fixed set of strings, matched exactly (the spellings are lower-case snake_case).</summary>
    public TChoice Choice<TChoice>(string key, IReadOnlyList<KeyValuePair<string, TChoice>> choices)
        where TChoice : struct, Enum
    {
        var expected = $"one of: {string.Join(", ", choices.Select(c => c.Key))}";
        if (!TryGetValue(key, required: true, expected, out var value))
        {
            return default;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            foreach (var choice in choices)
            {
                if (string.Equals(choice.Key, text, StringComparison.Ordinal))
                {
                    return choice.Value;
                }
            }
        }

        AddError(key, $"expected {expected}; got {JsonValueDescription.Of(value)}");
        return default;
    }

    /// <summary>A nested object, read by <paramref name="read"/>; its unknown keys are reported afterwards.</summary>
    public T? Section<T>(string key, Func<PresetObjectReader, T> read, bool required = true, Func<string, string>? describeUnknownKey = null)
        where T : class
    {
        if (!TryGetValue(key, required, "an object", out var value))
        {
            return null;
        }

        var errorsBefore = TotalErrorCount;
        var result = ReadObject(value, PathOf(key), read, describeUnknownKey);
        if (TotalErrorCount != errorsBefore)
        {
            _keysWithErrors.Add(key);
        }

        return result;
    }

    /// <summary>Reads <paramref name="value"/> as an object at <paramref name="path"/> (used for array items too).</summary>
    public T? ReadObject<T>(JsonElement value, string path, Func<PresetObjectReader, T> read, Func<string, string>? describeUnknownKey = null)
        where T : class
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            AddErrorAt(path, $"expected an object, got {JsonValueDescription.Of(value)}");
            return null;
        }

        var child = Open(value, path, _errors);
        var result = read(child);
        child.RejectUnknownKeys(describeUnknownKey);
        return result;
    }

    /// <summary>The items of an array with their paths, after checking the item count.</summary>
    public IReadOnlyList<(JsonElement Value, string Path)>? Array(string key, IntRange count, string itemDescription, bool required = true)
    {
        var expected = $"an array of {count.DescribeCount()} {itemDescription}";
        if (!TryGetValue(key, required, expected, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            AddError(key, $"expected {expected}, got {JsonValueDescription.Of(value)}");
            return null;
        }

        var length = value.GetArrayLength();
        if (!count.Contains(length))
        {
            AddError(key, string.Create(CultureInfo.InvariantCulture, $"has {length} items; expected {count.DescribeCount()} {itemDescription}"));
            return null;
        }

        var path = PathOf(key);
        return [.. value.EnumerateArray().Select((item, index) => (item, JsonPaths.Index(path, index)))];
    }

    public decimal? DecimalAt(JsonElement value, string path, DecimalRange range, string unit)
    {
        var expected = $"a number {range.Describe()} ({unit})";
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            AddErrorAt(path, $"expected {expected}, got {JsonValueDescription.Of(value)}");
            return null;
        }

        if (!range.Contains(number))
        {
            AddErrorAt(path, string.Create(CultureInfo.InvariantCulture, $"expected {expected}, got {number}"));
            return null;
        }

        return number;
    }

    public string? StringAt(JsonElement value, string path, string expected)
    {
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            AddErrorAt(path, $"expected {expected}, got {JsonValueDescription.Of(value)}");
            return null;
        }

        return value.GetString();
    }

    /// <summary>Reports every key of this object that no read asked for.</summary>
    public void RejectUnknownKeys(Func<string, string>? describeUnknown = null)
    {
        foreach (var key in _propertyOrder)
        {
            if (_knownKeys.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            AddError(key, describeUnknown?.Invoke(key) ?? DescribeUnknownKey(key));
        }
    }

    /// <summary>Marks a key as handled by the caller (which validates it itself).</summary>
    public void MarkKnown(string key) => _knownKeys.Add(key);

    private string DescribeUnknownKey(string key)
    {
        if (UnknownKeyHints.For(key) is { } hint)
        {
            return $"unknown key '{key}': {hint}";
        }

        var closest = _knownKeys
            .Select(known => (Known: known, Distance: EditDistance.Between(key, known)))
            .Where(candidate => candidate.Distance <= 2)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Known)
            .FirstOrDefault();
        return closest is not null
            ? $"unknown key '{key}'; did you mean '{closest}'?"
            : $"unknown key '{key}'; allowed keys here: {string.Join(", ", _knownKeys)}";
    }

    private decimal? ReadDecimal(string key, DecimalRange range, string unit, bool required)
    {
        if (!TryGetValue(key, required, $"a number {range.Describe()} ({unit})", out var value))
        {
            return null;
        }

        return DecimalAt(value, PathOf(key), range, unit);
    }

    private int? ReadInt(string key, IntRange range, string unit, bool required)
    {
        var expected = $"a whole number {range.Describe()} ({unit})";
        if (!TryGetValue(key, required, expected, out var value))
        {
            return null;
        }

        if (!TryGetWholeNumber(value, out var number))
        {
            AddError(key, $"expected {expected}, got {JsonValueDescription.Of(value)}");
            return null;
        }

        if (!range.Contains(number))
        {
            AddError(key, string.Create(CultureInfo.InvariantCulture, $"expected {expected}, got {number}"));
            return null;
        }

        return number;
    }

    /// <summary>Accepts 4 and 4.0 (JSON writers differ) but not 4.5.</summary>
    private static bool TryGetWholeNumber(JsonElement value, out int number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetInt32(out number))
        {
            return true;
        }

        if (value.TryGetDecimal(out var exact) && exact == decimal.Truncate(exact) && exact is >= int.MinValue and <= int.MaxValue)
        {
            number = (int)exact;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Finds a key and registers it as known. A missing or null required key is an error; a missing or null optional
    /// key is not, and both return false.
    /// </summary>
    private bool TryGetValue(string key, bool required, string expected, out JsonElement value)
    {
        MarkKnown(key);
        if (!_properties.TryGetValue(key, out value))
        {
            if (required)
            {
                AddError(key, $"required key is missing; expected {expected}");
            }

            return false;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                AddError(key, $"must not be null; expected {expected}");
            }

            return false;
        }

        return true;
    }
}
