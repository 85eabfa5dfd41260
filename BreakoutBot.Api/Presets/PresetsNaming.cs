using System.Text.RegularExpressions;

namespace BreakoutBot.Api.Presets;

/// <summary>What a preset name may look like (it is also the <c>name</c> inside the document).</summary>
public static partial class PresetsNaming
{
    public const string NameRule = "a preset name is 1-64 characters: letters, digits, '_' and '-'";

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
