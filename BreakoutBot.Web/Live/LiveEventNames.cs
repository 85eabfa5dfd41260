namespace BreakoutBot.Web.Live;

/// <summary>The hub's client method names (the message types the Api forwards) and which pages care about them.</summary>
public static class LiveEventNames
{
    public const string ScanSnapshot = "ScanSnapshot";

    public static readonly IReadOnlyList<string> Trading =
        ["OrderUpdated", "FillRecorded", "PositionUpdated", "TradeClosed", "ReconciliationDrift", "EngineStateChanged", "KillSwitchChanged", "CommandAcknowledged"];

    public static readonly IReadOnlyList<string> Signals = ["SignalDetected", "ScanCompleted"];

    public static IEnumerable<string> All => Trading.Concat(Signals).Append(ScanSnapshot);

    public static bool IsEngine(string type) => type is "EngineStateChanged" or "KillSwitchChanged" or "CommandAcknowledged";

    public static bool IsPosition(string type) => type is "PositionUpdated" or "FillRecorded" or "TradeClosed" or "OrderUpdated" or "ReconciliationDrift";
}
