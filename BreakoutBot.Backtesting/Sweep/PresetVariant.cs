using System.Globalization;
using System.Text.Json.Nodes;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Backtesting.Sweep;

/// <summary>
/// A preset with some fields set to other values: the base preset's JSON with the fields replaced, then loaded by the
/// strict loader, so a variant is valid by the same rules as any preset file (a value out of range is refused with its
/// path, never run).
/// </summary>
public static class PresetVariant
{
    /// <param name="assignments">Path in the preset JSON → value as a JSON literal (a number, true/false, or text).</param>
    /// <exception cref="ArgumentException">A path that is not in the preset, or a variant the loader refuses (every error listed).</exception>
    public static TradingPreset Create(string baseJson, string presetName, IReadOnlyList<KeyValuePair<string, string>> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var root = JsonNode.Parse(baseJson) ?? throw new ArgumentException("The base preset is empty.", nameof(baseJson));
        foreach (var (path, value) in assignments)
        {
            var parts = path.Split('.');
            var parent = root;
            foreach (var part in parts[..^1])
            {
                parent = Child(parent, part) ?? throw new ArgumentException($"{path}: the preset has no field '{part}' there");
            }

            var last = parts[^1];
            if (Child(parent, last) is null)
            {
                throw new ArgumentException($"{path}: the preset has no field '{last}' there");
            }

            var literal = Literal(value);
            if (parent is JsonArray array)
            {
                array[int.Parse(last, CultureInfo.InvariantCulture)] = literal;
            }
            else
            {
                parent[last] = literal;
            }
        }

        var loaded = PresetLoader.Load(root.ToJsonString(), presetName + PresetLoader.FileExtension);
        return loaded.Preset ?? throw new ArgumentException(
            $"{Describe(assignments)}: the variant is not a valid preset: {string.Join("; ", loaded.Errors)}");
    }

    public static string Describe(IReadOnlyList<KeyValuePair<string, string>> assignments) =>
        string.Join(" ", assignments.Select(assignment => assignment.Key + "=" + assignment.Value));

    private static JsonNode? Child(JsonNode node, string part) => node switch
    {
        JsonArray array when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
        JsonObject json when json.TryGetPropertyValue(part, out var child) => child ?? JsonValue.Create((string?)null),
        _ => null,
    };

    private static JsonNode? Literal(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
