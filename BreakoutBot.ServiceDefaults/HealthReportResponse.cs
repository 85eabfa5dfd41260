using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreakoutBot.ServiceDefaults;

/// <summary>The JSON body of <c>/health</c> and <c>/alive</c>.</summary>
public sealed record HealthReportResponse(string Status, double DurationMs, IReadOnlyList<HealthCheckEntryResponse> Checks);

/// <summary>One health check's outcome inside <see cref="HealthReportResponse"/>.</summary>
public sealed record HealthCheckEntryResponse(string Name, string Status, double DurationMs, string? Description);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReportResponse))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
