namespace BreakoutBot.Web;

/// <summary>The console's log messages (event ids 9000-9099). None takes the API key or any other secret.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Live events connected to {HubUrl}")]
    public static partial void LiveEventsConnected(ILogger logger, string hubUrl);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Live events could not connect ({Error}), attempt {Attempt}")]
    public static partial void LiveEventsConnectFailed(ILogger logger, string error, int attempt);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Operator action {Action} answered: {Outcome}")]
    public static partial void OperatorAction(ILogger logger, string action, string outcome);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "No API key is configured (Api:Key): the console can read, but the Api will refuse every action and the live hub")]
    public static partial void NoApiKey(ILogger logger);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "{UserName} signed in to the console from {Address}")]
    public static partial void SignedIn(ILogger logger, string userName, string address);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Console sign-in refused for {UserName} from {Address}: {Outcome}")]
    public static partial void SignInRefused(ILogger logger, string userName, string address, string outcome);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "{UserName} ({Role}) was refused {Action}: it needs the {Required} role")]
    public static partial void ActionRefused(ILogger logger, string userName, string role, string action, string required);

    [LoggerMessage(EventId = 9008, Level = LogLevel.Information, Message = "{Admin}: console user {UserName} {Change}")]
    public static partial void UserAdministered(ILogger logger, string admin, string change, string userName);
}
