namespace BreakoutBot.Simulator.Faults;

/// <summary>What happens to one request: an optional delay, then at most one fault, with the settings it was drawn under.</summary>
public sealed record FaultDecision(FaultKind Kind, TimeSpan Delay, FaultSettings Settings)
{
    public static FaultDecision None { get; } = new(FaultKind.None, TimeSpan.Zero, FaultSettings.None);
}
