using System.Text.Json;
using BreakoutBot.Data;
using BreakoutBot.Data.Audit;

namespace BreakoutBot.Executor.Persistence;

/// <summary>The executor's entries in the audit log, added to the caller's unit of work.</summary>
internal static class ExecutorAudit
{
    /// <summary>The actor of what the executor does by itself (not on an operator's command).</summary>
    public const string SystemActor = "system";

    private const string Source = "executor";

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public static void Add(TradingDbContext database, string actor, string action, string outcome, object? details, string? correlationId, DateTimeOffset now) =>
        database.AuditLog.Add(new AuditLogEntry
        {
            OccurredAt = now,
            Source = Source,
            Actor = actor,
            Action = action,
            Outcome = outcome,
            DetailsJson = details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
            CorrelationId = correlationId,
        });
}
