using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BreakoutBot.Data.Json;

/// <summary>
/// A typed property stored in a <c>jsonb</c> column: EF converts it (camelCase names, every constructor parameter
/// required), so no code outside the model serialises a column by hand. Changes are found by comparing the JSON text,
/// so a value replaced by an equal one writes nothing.
/// </summary>
internal static class JsonColumn
{
    /// <summary>How stored documents are written and read.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Converts a value to its JSON text and back; null stays SQL NULL.</summary>
    public static ValueConverter<T, string> Converter<T>() => new(
        value => JsonSerializer.Serialize(value, Options),
        json => JsonSerializer.Deserialize<T>(json, Options)!);

    /// <summary>
    /// Converts a list; one whose text does not read as the items (every field present) reads as empty, so one damaged
    /// row cannot fail every query that loads it. The text stays as it was until the list is changed and saved.
    /// </summary>
    public static ValueConverter<IReadOnlyList<TItem>, string> TolerantListConverter<TItem>() => new(
        value => JsonSerializer.Serialize(value, Options),
        json => ReadListOrEmpty<TItem>(json));

    /// <summary>The list <paramref name="json"/> holds, or none when it does not read.</summary>
    public static IReadOnlyList<TItem> ReadListOrEmpty<TItem>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<TItem>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Compares by the JSON text (the stored form): records holding lists compare by their items.</summary>
    public static ValueComparer<T> Comparer<T>() => new(
        (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
        value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!);
}
