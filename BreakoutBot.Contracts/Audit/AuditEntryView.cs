using System.Text.Json;

namespace BreakoutBot.Contracts.Audit;

/// <summary>One audit log row: who did what, when, and how it ended.</summary>
public sealed record AuditEntryView(long Id, DateTimeOffset OccurredAt, string Source, string Actor, string Action, string Outcome, JsonElement? Details, string? CorrelationId);
