using System.Text.Json;

namespace BreakoutBot.Web.ApiClients;

/// <summary>One difference: a JSON path and the value on each side (null when that side lacks it).</summary>
public sealed record PresetChange(string Path, JsonElement? Shipped, JsonElement? Current);
