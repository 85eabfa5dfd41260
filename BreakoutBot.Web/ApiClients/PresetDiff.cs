namespace BreakoutBot.Web.ApiClients;

/// <summary>A stored version compared with a shipped preset.</summary>
public sealed record PresetDiff(string Name, int Version, string ComparedWith, IReadOnlyList<PresetChange> Changes);
