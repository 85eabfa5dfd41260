namespace BreakoutBot.Contracts.Engine;

/// <summary>Body of <c>POST /api/engine/start</c>.</summary>
/// <param name="Preset">The preset to trade.</param>
/// <param name="PresetVersion">A stored version; null means the latest (the engine keeps the version it started with).</param>
/// <param name="Mode">The trading mode; must equal the deployment's <c>Trading:Mode</c>.</param>
/// <param name="ConfirmLive">For <c>live</c> only: the exact text <c>I UNDERSTAND THIS TRADES REAL MONEY</c>.</param>
public sealed record StartEngineRequest(string Preset, string Mode, int? PresetVersion = null, string? ConfirmLive = null)
{
    public const string LiveConfirmation = "I UNDERSTAND THIS TRADES REAL MONEY";
}
