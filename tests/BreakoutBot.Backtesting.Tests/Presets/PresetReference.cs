using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Backtesting.Tests.Presets;

/// <summary>
/// Writes <c>docs/PRESETS.md</c> from the schema itself: every property of <see cref="TradingPreset"/> and its sections,
/// with its JSON name, type and meaning from the property's XML documentation (which names the unit and the range the
/// loader enforces), the stage that reads it, and the measured effect of flipping the main switches
/// (<see cref="PresetFieldEffects"/>).
/// </summary>
internal static partial class PresetReference
{
    private static readonly (string Prefix, string Stage)[] Stages =
    [
        ("name", "everywhere (the preset's identity)"),
        ("description", "console"),
        ("target_markets", "console"),
        ("strategy_priority", "scanner: signal engine"),
        ("risk.", "executor: risk gate and sizing; backtester"),
        ("liquidity_filters.", "scanner: filters"),
        ("volatility_filters.", "scanner: filters"),
        ("signal_config.", "scanner: signal engine"),
        ("position_config.tp_smart_placement.", "executor and backtester: take-profit ladder"),
        ("position_config.", "executor: position manager; backtester"),
        ("scanner_config.", "scanner: universe, score and rank"),
        ("execution_config.taker_fee_bps", "executor: sizing; backtester: fees"),
        ("execution_config.maker_fee_bps", "executor: risk budget of passive slices; backtester: fees of resting exits"),
        ("execution_config.", "executor: entry algorithm"),
        ("levels_rules.", "scanner: level detector; executor and backtester: S/R for smart take-profits"),
        ("density_config.", "scanner: density confirmation; executor: densities for smart take-profits"),
    ];

    public static string Generate()
    {
        var docs = Documentation();
        var text = new StringBuilder();
        text.Append("""
            # Preset reference

            Generated from the schema (`BreakoutBot.Domain/Presets/*.cs`: the properties, their types and their XML
            documentation) by `tests/BreakoutBot.Backtesting.Tests/Presets/PresetReference.cs`; a test compares this file with
            the schema and rewrites it when they differ. Do not edit it by hand: change the property's documentation.

            Every field is required unless marked optional; there are no defaults hidden in code. Ranges and units are enforced
            by the loader (`breakoutbot presets validate FILE` lists every problem with its JSON path). Fields the original bot
            had but this schema refuses are listed in `presets/README.md`, each with where to go instead.

            """);
        Section(text, docs, "", typeof(TradingPreset), "Top level");
        Effects(text);
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static void Section(StringBuilder text, Dictionary<string, string> docs, string prefix, Type type, string title)
    {
        var nested = new List<(string Prefix, Type Type)>();
        text.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n");
        if (docs.TryGetValue("T:" + type.FullName, out var about))
        {
            text.Append(Markdown(about)).Append("\n\n");
        }

        text.Append("| Field | Type | What it does | Read by |\n|---|---|---|---|\n");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(property => property.MetadataToken))
        {
            var summary = docs.GetValueOrDefault("P:" + type.FullName + "." + property.Name) ?? "";
            var (name, meaning) = JsonNameAndMeaning(summary);
            if (name is null)
            {
                continue;
            }

            var path = prefix + name;
            var element = ElementType(property.PropertyType);
            if (IsSection(element))
            {
                nested.Add((path + (element == property.PropertyType ? "." : "[]."), element));
            }

            text.Append(CultureInfo.InvariantCulture, $"| `{path}` | {TypeName(property)} | {meaning} | {StageOf(path)} |\n");
        }

        foreach (var (childPrefix, childType) in nested)
        {
            Section(text, docs, childPrefix, childType, "`" + childPrefix.TrimEnd('.') + "`");
        }
    }

    private static void Effects(StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"""

            ## Measured effect of the main switches

            Backtests of `sim_breakout` over the simulator's seeded synthetic market ({PresetFieldEffects.Symbols} symbols ×
            {PresetFieldEffects.BarsPerSymbol:N0} five-minute bars, seed {PresetFieldEffects.Seed}), changing one field at a time
            (`PresetFieldEffectTests` checks that each change changes `trades.csv`). A week of synthetic data measures that the
            field acts, not whether it is a good idea.

            | Field | Change | Before | After |
            |---|---|---|---|

            """);
        foreach (var effect in PresetFieldEffects.All.Value)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{effect.Field}` | {effect.Change} | {PresetFieldEffects.Figures(effect.Before)} | {PresetFieldEffects.Figures(effect.After)} |\n");
        }
    }

    private static (string? Name, string Meaning) JsonNameAndMeaning(string summary)
    {
        var match = LeadingJsonName().Match(summary);
        if (!match.Success)
        {
            return (null, "");
        }

        var meaning = Markdown(summary[match.Length..]);
        return (match.Groups["name"].Value, meaning.Trim('.').Length == 0 ? "the section of that name below" : meaning);
    }

    private static string StageOf(string path) =>
        Stages.FirstOrDefault(stage => path.StartsWith(stage.Prefix, StringComparison.Ordinal) || path == stage.Prefix.TrimEnd('.')).Stage ?? "";

    private static bool IsSection(Type type) => type.Namespace == typeof(TradingPreset).Namespace && type.IsClass && type != typeof(string);

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;

    private static string TypeName(PropertyInfo property)
    {
        var nullability = new NullabilityInfoContext().Create(property);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var optional = nullability.ReadState == NullabilityState.Nullable ? ", optional" : "";
        return Describe(type) + optional;
    }

    private static string Describe(Type type)
    {
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(name => "`" + name.ToLowerInvariant() + "`"));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return "list of " + Describe(type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return "object: name → " + Describe(type.GetGenericArguments()[1]);
        }

        return type == typeof(decimal) ? "number"
            : type == typeof(int) ? "integer"
            : type == typeof(bool) ? "boolean"
            : type == typeof(string) ? "text"
            : IsSection(type) ? "object" : type.Name;
    }

    /// <summary>The XML documentation of the Domain assembly: member id → summary (as XML text).</summary>
    private static Dictionary<string, string> Documentation()
    {
        var path = Path.ChangeExtension(typeof(TradingPreset).Assembly.Location, ".xml");
        return XDocument.Load(path).Descendants("member")
            .Where(member => member.Element("summary") is not null)
            .ToDictionary(member => (string)member.Attribute("name")!, member => string.Concat(member.Element("summary")!.Nodes()), StringComparer.Ordinal);
    }

    /// <summary>XML doc markup as one line of Markdown: code in backticks, references by their last name, whitespace collapsed.</summary>
    private static string Markdown(string xml)
    {
        var text = CodeTag().Replace(xml, match => "`" + match.Groups[1].Value + "`");
        text = SeeTag().Replace(text, match => "`" + match.Groups["name"].Value.Split('.')[^1] + "`");
        text = OtherTag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text).Replace("|", "\\|", StringComparison.Ordinal);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^\s*<c>(?<name>[a-z0-9_]+)</c>\s*:?\s*")]
    private static partial Regex LeadingJsonName();

    [GeneratedRegex("<c>(.*?)</c>", RegexOptions.Singleline)]
    private static partial Regex CodeTag();

    [GeneratedRegex(@"<see(also)? (c)?ref=""[A-Z]:(?<name>[^""]+)""\s*/>")]
    private static partial Regex SeeTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex OtherTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
