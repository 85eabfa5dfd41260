namespace BreakoutBot.Domain.Presets;

/// <summary>The JSON spelling of <see cref="ScoreComponent"/> keys in <c>score_weights</c>.</summary>
public static class ScoreComponentNames
{
    public static IReadOnlyList<KeyValuePair<string, ScoreComponent>> All { get; } =
    [
        new("vol_surge", ScoreComponent.VolSurge),
        new("oi_delta", ScoreComponent.OiDelta),
        new("atr_quality", ScoreComponent.AtrQuality),
        new("correlation", ScoreComponent.Correlation),
        new("trades_per_minute", ScoreComponent.TradesPerMinute),
        new("gainers_momentum", ScoreComponent.GainersMomentum),
    ];

    public static string ToName(ScoreComponent component) =>
        All.First(pair => pair.Value == component).Key;

    public static bool TryParse(string? name, out ScoreComponent component)
    {
        foreach (var pair in All)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                component = pair.Value;
                return true;
            }
        }

        component = default;
        return false;
    }
}
