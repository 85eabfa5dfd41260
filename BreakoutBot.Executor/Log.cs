namespace BreakoutBot.Executor;

/// <summary>The Executor's log messages (source-generated; event ids 1000–1999 are the Executor's).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    public static partial void ApplyingMigrations(ILogger logger, int count, string migrations);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database schema is current ({ElapsedMs:F0} ms)")]
    public static partial void SchemaCurrent(ILogger logger, double elapsedMs);
}
