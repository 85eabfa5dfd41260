using BreakoutBot.AppHost.Infrastructure;
using Microsoft.Extensions.Logging;

namespace BreakoutBot.AppHost;

/// <summary>The AppHost's log messages (source-generated; event ids 1–999 are the AppHost's).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Infrastructure mode {Mode}: {Reason}")]
    public static partial void InfrastructureModeChosen(ILogger logger, InfrastructureMode mode, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Local PostgreSQL and Redis keep their data in {DataDirectory}")]
    public static partial void LocalDataDirectory(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Console sign-in: the first user is 'admin'; its password is the secret parameter console-admin-password (the dashboard's parameters, or `dotnet user-secrets list` in BreakoutBot.AppHost)")]
    public static partial void ConsoleSignIn(ILogger logger);
}
