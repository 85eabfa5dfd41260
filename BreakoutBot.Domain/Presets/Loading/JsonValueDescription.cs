using System.Text.Json;

namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>Says what a JSON value actually is, for the "got ..." half of a message.</summary>
internal static class JsonValueDescription
{
    private const int MaxShownLength = 40;

    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string \"{Shorten(value.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private static string Shorten(string text) =>
        text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "...");
}
