namespace BreakoutBot.Data.Audit;

/// <summary>One operator action or system decision worth keeping: who did what, when, and how it ended.</summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The service that recorded the entry, e.g. <c>executor</c>.</summary>
    public required string Source { get; set; }

    /// <summary>Who asked: an operator's name, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What was asked, e.g. <c>engine.start</c>.</summary>
    public required string Action { get; set; }

    /// <summary>How it ended, e.g. <c>accepted</c> or <c>refused: engine is already running</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>Details as JSON, never containing secrets.</summary>
    public string? DetailsJson { get; set; }

    public string? CorrelationId { get; set; }
}
