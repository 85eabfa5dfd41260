using System.Globalization;

namespace BreakoutBot.Domain.Indicators;

/// <summary>
/// An indicator by name with its parameters, so tools (the CLI, tests) can create it from text. Creating checks every
/// value and reports the option and the problem.
/// </summary>
public sealed class IndicatorDefinition
{
    private readonly Func<Func<string, string>, Indicator> _create;

    public IndicatorDefinition(string name, string description, IReadOnlyList<IndicatorOption> options, Func<Func<string, string>, Indicator> create)
    {
        Name = name;
        Description = description;
        Options = options;
        _create = create;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<IndicatorOption> Options { get; }

    /// <summary>Creates the indicator; options not given take their defaults.</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is invalid; the message names it.</exception>
    public Indicator Create(IReadOnlyDictionary<string, string>? values = null)
    {
        values ??= new Dictionary<string, string>();
        foreach (var given in values.Keys)
        {
            if (!Options.Any(option => string.Equals(option.Name, given, StringComparison.Ordinal)))
            {
                var known = Options.Count == 0 ? "it takes no options" : "its options are " + string.Join(", ", Options.Select(option => "--" + option.Name));
                throw new ArgumentException($"{Name} has no option --{given}; {known}.");
            }
        }

        string Value(string option) =>
            values.TryGetValue(option, out var text) ? text : Options.Single(candidate => candidate.Name == option).DefaultValue;

        try
        {
            return _create(Value);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new ArgumentException($"{Name}: --{ToOptionName(exception.ParamName)} is out of range ({exception.ActualValue}).", exception);
        }
    }

    internal static int ParseInteger(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{option} must be a whole number, not '{text}'.");

    internal static double ParseNumber(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"--{option} must be a number, not '{text}'.");

    internal static ChandelierDirection ParseDirection(string option, string text) => text.ToLowerInvariant() switch
    {
        "long" => ChandelierDirection.Long,
        "short" => ChandelierDirection.Short,
        _ => throw new ArgumentException($"--{option} must be long or short, not '{text}'."),
    };

    private static string ToOptionName(string? parameter) => parameter switch
    {
        null => "?",
        "lookbackPeriod" or "emaPeriod" => "period",
        "standardDeviations" => "multiplier",
        _ => string.Concat(parameter.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : c.ToString())),
    };
}
