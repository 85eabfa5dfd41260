namespace BreakoutBot.Backtesting.Sweep;

/// <summary>One preset field a sweep varies: its path in the preset JSON (dots, list indexes as numbers) and the values to try (JSON literals).</summary>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values)
{
    /// <summary>Reads <c>path=v1,v2,...</c>, e.g. <c>position_config.breakeven_trigger_r=0.5,1,1.5</c>.</summary>
    /// <exception cref="ArgumentException">Not in that form, or without values.</exception>
    public static SweepParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var values = equals > 0 ? text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        if (equals <= 0 || values.Length == 0)
        {
            throw new ArgumentException($"--grid '{text}' must be <preset.field.path>=<value>,<value>,... e.g. position_config.breakeven_trigger_r=0.5,1,1.5");
        }

        return new SweepParameter(text[..equals].Trim(), [.. values.Distinct(StringComparer.Ordinal)]);
    }
}
