namespace BreakoutBot.Migrator;

/// <summary>The db-migrator's log messages (source-generated; event ids 7000–7099 are the migrator's). No connection string is logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Database current: {Count} migration(s) applied ({Migrations}), shipped presets seeded, in {ElapsedMs:F0} ms")]
    public static partial void DatabaseCurrent(ILogger logger, int count, string migrations, double elapsedMs);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Critical, Message = "The database could not be migrated; the services will not start against it")]
    public static partial void MigrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Console users current: {Outcome}")]
    public static partial void ConsoleUsers(ILogger logger, string outcome);
}
