using System.Globalization;
using System.Text.Json;
using BreakoutBot.Contracts.Presets;

namespace BreakoutBot.Api.Presets;

/// <summary>Leaf-by-leaf comparison of two JSON documents, reported with JSONPaths (<c>$.risk.risk_per_trade</c>).</summary>
public static class JsonDiff
{
    public static IReadOnlyList<PresetChange> Compare(JsonElement shipped, JsonElement current)
    {
        var changes = new List<PresetChange>();
        Walk("$", shipped, current, changes);
        return changes;
    }

    private static void Walk(string path, JsonElement? left, JsonElement? right, List<PresetChange> changes)
    {
        if (left is { ValueKind: JsonValueKind.Object } leftObject && right is { ValueKind: JsonValueKind.Object } rightObject)
        {
            var names = leftObject.EnumerateObject().Select(property => property.Name)
                .Union(rightObject.EnumerateObject().Select(property => property.Name), StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                Walk($"{path}.{name}", Child(leftObject, name), Child(rightObject, name), changes);
            }

            return;
        }

        if (left is { ValueKind: JsonValueKind.Array } leftArray && right is { ValueKind: JsonValueKind.Array } rightArray)
        {
            var leftItems = leftArray.EnumerateArray().ToList();
            var rightItems = rightArray.EnumerateArray().ToList();
            for (var index = 0; index < Math.Max(leftItems.Count, rightItems.Count); index++)
            {
                Walk(
                    string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"),
                    index < leftItems.Count ? leftItems[index] : null,
                    index < rightItems.Count ? rightItems[index] : null,
                    changes);
            }

            return;
        }

        if (!Same(left, right))
        {
            changes.Add(new PresetChange(path, left?.Clone(), right?.Clone()));
        }
    }

    private static JsonElement? Child(JsonElement parent, string name) => parent.TryGetProperty(name, out var value) ? value : null;

    private static bool Same(JsonElement? left, JsonElement? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        var a = left.Value;
        var b = right.Value;
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            // 0.5 and 0.50 are the same setting.
            return a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetRawText() == b.GetRawText();
        }

        return JsonElement.DeepEquals(a, b);
    }
}
