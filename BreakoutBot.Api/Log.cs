namespace BreakoutBot.Api;

/// <summary>The Api's log messages (EventIds 8000-8099). Never a key, secret or request body.</summary>
internal static partial class Log
{
    [LoggerMessage(8000, LogLevel.Error, "Unhandled exception on {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(8001, LogLevel.Information, "Rejected {Method} {Path} with {Status} ({Reason})")]
    public static partial void RequestRejected(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(8002, LogLevel.Warning, "An API key was presented on {Path} but matches no configured key")]
    public static partial void ApiKeyRejected(ILogger logger, string path);

    [LoggerMessage(8003, LogLevel.Warning, "No API keys are configured (Api:Keys:<name>): every mutating endpoint and the hub will answer 401")]
    public static partial void NoApiKeys(ILogger logger);

    [LoggerMessage(8004, LogLevel.Information, "API keys configured for: {Names}")]
    public static partial void ApiKeysConfigured(ILogger logger, string names);

    [LoggerMessage(8010, LogLevel.Information, "Command {Action} {CommandId} sent by {IssuedBy}")]
    public static partial void CommandSent(ILogger logger, string action, string commandId, string issuedBy);

    [LoggerMessage(8011, LogLevel.Warning, "Command {Action} {CommandId}: no executor acknowledged it within {Seconds} s")]
    public static partial void CommandTimedOut(ILogger logger, string action, string commandId, double seconds);

    [LoggerMessage(8020, LogLevel.Information, "Following trading-events after {TradingEventsId} and signals after {SignalsId}")]
    public static partial void EventStreamFollowing(ILogger logger, string tradingEventsId, string signalsId);

    [LoggerMessage(8021, LogLevel.Warning, "Reading the event streams failed ({Failures} in a row); retrying")]
    public static partial void EventStreamFailed(ILogger logger, int failures, Exception exception);

    [LoggerMessage(8022, LogLevel.Warning, "Entry {EntryId} of {Stream} could not be read: {Reason}")]
    public static partial void UnreadableEvent(ILogger logger, string stream, string entryId, string reason);

    [LoggerMessage(8030, LogLevel.Information, "Preset {Name} version {Version} stored by {Actor}")]
    public static partial void PresetStored(ILogger logger, string name, int version, string actor);

    [LoggerMessage(8040, LogLevel.Warning, "Mark prices could not be read from the venue: {Reason}")]
    public static partial void MarkPricesUnavailable(ILogger logger, string reason);

    [LoggerMessage(8050, LogLevel.Warning, "Issued API keys could not be read ({Reason}); the keys read before stay in force")]
    public static partial void StoredKeysUnreadable(ILogger logger, string reason);

    [LoggerMessage(8051, LogLevel.Information, "API key {Name} ({Role}) {Change} by {Actor}")]
    public static partial void ApiKeyChanged(ILogger logger, string name, string role, string change, string actor);
}
