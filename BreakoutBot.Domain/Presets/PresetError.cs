namespace BreakoutBot.Domain.Presets;

/// <summary>One problem in a preset file.</summary>
/// <param name="Path">Where: a JSONPath such as <c>$.position_config.tp_levels[2].size_pct</c>; <c>$</c> for the whole file.</param>
/// <param name="Message">What is wrong and what is expected instead (range, unit or allowed values).</param>
public sealed record PresetError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
