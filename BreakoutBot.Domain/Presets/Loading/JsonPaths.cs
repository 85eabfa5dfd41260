using System.Globalization;

namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>Builds JSONPath strings such as <c>$.position_config.tp_levels[2].size_pct</c>.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Property(string parent, string key) =>
        IsPlainName(key) ? $"{parent}.{key}" : $"{parent}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    private static bool IsPlainName(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
