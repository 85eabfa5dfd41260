namespace BreakoutBot.Domain.Strategy;

/// <summary>
/// A horizontal price level the market has respected: where it is, how often bars touched it and how much it matters.
/// </summary>
/// <param name="Price">The level, in quote currency (USDT).</param>
/// <param name="Touches">Bars whose high or low came within the detection tolerance of the level.</param>
/// <param name="FirstTouchTime">Open time of the first touching bar.</param>
/// <param name="LastTouchTime">Open time of the last touching bar.</param>
/// <param name="Strength">
/// 0-1: 0.5·min(1, touches / (2·min_touches)) + 0.2·(touch span / history span) + 0.3·min(1, mean touch volume /
/// (2 · mean volume)). More touches, a longer life and heavier trading at the level all make it stronger.
/// </param>
public sealed record HorizontalLevel(
    decimal Price,
    int Touches,
    DateTimeOffset FirstTouchTime,
    DateTimeOffset LastTouchTime,
    double Strength)
{
    /// <summary>Resistance when the level is above <paramref name="price"/>, support when it is at or below it.</summary>
    public LevelRole RoleAt(decimal price) => Price > price ? LevelRole.Resistance : LevelRole.Support;
}
