using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BreakoutBot.Web.Presets;

/// <summary>
/// One field of a preset document as the form edits it, built from the document's own shape (objects become
/// fieldsets, numbers number inputs, booleans checkboxes, arrays JSON text). <see cref="Path"/> is the field's JSONPath
/// inside the document (<c>$.risk.risk_per_trade</c>), the key the Api's validation errors use after <c>$.document</c>.
/// The form never judges values: whatever the operator typed goes to the Api, which says what is wrong and where.
/// </summary>
public sealed class PresetNode
{
    private PresetNode(string path, string key, PresetNodeKind kind)
    {
        Path = path;
        Key = key;
        Kind = kind;
    }

    public string Path { get; }

    public string Key { get; }

    public PresetNodeKind Kind { get; }

    public List<PresetNode> Children { get; } = [];

    /// <summary>The edited value of a Number, Text or Json field.</summary>
    public string Text { get; set; } = "";

    public bool Flag { get; set; }

    /// <summary>An id safe for HTML (label for/id).</summary>
    public string InputId => "f-" + Path.Replace("$.", "", StringComparison.Ordinal).Replace('.', '-').Replace('[', '-').Replace(']', '-');

    public static PresetNode FromDocument(JsonElement document) => Build("$", "", document);

    public IEnumerable<PresetNode> Descendants() => Children.SelectMany(child => child.Descendants().Prepend(child));

    /// <summary>The document as the operator edited it. A number field that does not parse is sent as text, for the Api to refuse.</summary>
    public JsonNode? ToJson() => Kind switch
    {
        PresetNodeKind.Object => new JsonObject(Children.Select(child => KeyValuePair.Create(child.Key, child.ToJson()))),
        PresetNodeKind.Boolean => JsonValue.Create(Flag),
        PresetNodeKind.Number => decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(Text),
        PresetNodeKind.Text => JsonValue.Create(Text),
        _ => ParseOrText(Text),
    };

    public JsonElement ToElement() => JsonSerializer.SerializeToElement(ToJson());

    /// <summary>
    /// The Api's errors for this field: keyed by <c>$.document</c> + the field's path, or inside it (an array element,
    /// <c>…whitelist[2]</c>).
    /// </summary>
    public IEnumerable<string> ErrorsFrom(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, messages) in errors)
        {
            var path = DocumentPath(key);
            if (path == Path || (Kind == PresetNodeKind.Json && path is not null && path.StartsWith(Path + "[", StringComparison.Ordinal)))
            {
                foreach (var message in messages)
                {
                    yield return message;
                }
            }
        }
    }

    /// <summary>The document-relative path of an Api error key, or null when the key is not inside the document.</summary>
    public static string? DocumentPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string prefix = "$.document";
        return key == prefix ? "$" : key.StartsWith(prefix + ".", StringComparison.Ordinal) || key.StartsWith(prefix + "[", StringComparison.Ordinal) ? "$" + key[prefix.Length..] : null;
    }

    private static PresetNode Build(string path, string key, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var node = new PresetNode(path, key, PresetNodeKind.Object);
                foreach (var property in element.EnumerateObject())
                {
                    node.Children.Add(Build($"{path}.{property.Name}", property.Name, property.Value));
                }

                return node;
            case JsonValueKind.Number:
                return new PresetNode(path, key, PresetNodeKind.Number) { Text = element.GetRawText() };
            case JsonValueKind.String:
                return new PresetNode(path, key, PresetNodeKind.Text) { Text = element.GetString() ?? "" };
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new PresetNode(path, key, PresetNodeKind.Boolean) { Flag = element.GetBoolean() };
            default:
                return new PresetNode(path, key, PresetNodeKind.Json) { Text = element.GetRawText() };
        }
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
