namespace BreakoutBot.Web.Components.Controls;

/// <summary>
/// Which engine commands make sense in a state, mirroring the Executor's transition table (Stopped → Starting →
/// Running ⇄ Paused → Stopping → Stopped; Emergency from anywhere, left only by a reset). The Executor still decides:
/// this only keeps buttons for refused commands disabled.
/// </summary>
public static class EngineTransitions
{
    public static bool CanStart(string? state, bool killSwitchTripped) => Is(state, "Stopped") && !killSwitchTripped;

    public static bool CanPause(string? state) => Is(state, "Running");

    public static bool CanResume(string? state) => Is(state, "Paused");

    public static bool CanStop(string? state) => Is(state, "Running") || Is(state, "Paused");

    /// <summary>Kill is always possible once an Executor has reported; when already tripped, only with flatten.</summary>
    public static bool CanKill(string? state, bool flatten) => state is not null && !Is(state, "Unknown") && (!Is(state, "Emergency") || flatten);

    public static bool CanResetKillSwitch(string? state, bool killSwitchTripped) => Is(state, "Emergency") || killSwitchTripped;

    private static bool Is(string? state, string name) => string.Equals(state, name, StringComparison.OrdinalIgnoreCase);
}
