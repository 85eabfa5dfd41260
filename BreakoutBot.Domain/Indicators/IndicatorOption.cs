namespace BreakoutBot.Domain.Indicators;

/// <summary>One parameter of an indicator in <see cref="IndicatorCatalog"/>: its option name, default and meaning.</summary>
public sealed record IndicatorOption(string Name, string DefaultValue, string Description);
