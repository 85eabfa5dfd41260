namespace BreakoutBot.Api.Security;

/// <summary>
/// What a caller may do, each role including the ones below it: a <see cref="Viewer"/> reads, an
/// <see cref="Operator"/> also starts/pauses/stops/kills, closes positions and edits presets, an <see cref="Admin"/>
/// also starts the engine on a real venue (testnet, demo, live).
/// </summary>
public enum ApiRole
{
    Viewer,
    Operator,
    Admin,
}
