namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Bybit V5 <c>retCode</c> values the bot reacts to. Clients decide by code, never by <c>retMsg</c> text, which varies.
/// </summary>
public static class BybitRetCodes
{
    public const int Ok = 0;
    public const int ServerTimeout = 10000;
    public const int ParameterError = 10001;
    public const int TimestampOutOfWindow = 10002;
    public const int InvalidApiKey = 10003;
    public const int InvalidSignature = 10004;
    public const int PermissionDenied = 10005;
    public const int TooManyVisits = 10006;
    public const int IpNotWhitelisted = 10010;
    public const int ServerError = 10016;
    public const int SymbolInvalid = 10029;
    public const int OrderNotFound = 110001;
    public const int InsufficientBalance = 110007;
    public const int ReduceOnlyWouldIncrease = 110017;
    public const int LeverageNotModified = 110043;

    /// <summary>The account is already in the position mode asked for.</summary>
    public const int PositionModeNotModified = 110025;
    public const int DuplicateOrderLinkId = 110072;
    public const int OrderProcessing = 110079;
    public const int OrderNotionalBelowMinimum = 110094;

    /// <summary>Whether the request may be retried as it is (after a pause): rate limits and clock skew.</summary>
    public static bool IsRetryable(int retCode) => retCode is TooManyVisits or TimestampOutOfWindow;

    /// <summary>
    /// Whether the venue may or may not have acted on the request: its own timeout or server error. Safe to repeat for
    /// reads and state-setting writes; an order create must be looked up by orderLinkId instead.
    /// </summary>
    public static bool IsServerSideFailure(int retCode) => retCode is ServerTimeout or ServerError or OrderProcessing;

    /// <summary>
    /// Whether <paramref name="exception"/> leaves the outcome of a request unknown: no answer (timeout, connection
    /// lost), an HTTP error status, or a server-side failure retCode. A caller's own cancellation is not one of them.
    /// </summary>
    public static bool IsUnknownOutcome(Exception exception) => exception switch
    {
        BybitApiException api => IsServerSideFailure(api.RetCode),
        OrderOutcomeUnknownException => true,
        HttpRequestException => true,
        Polly.Timeout.TimeoutRejectedException => true,
        TaskCanceledException => true,
        _ => false,
    };

    /// <summary>Whether the code means the credentials or their rights are wrong: retrying cannot help.</summary>
    public static bool IsAuthenticationFailure(int retCode) =>
        retCode is InvalidApiKey or InvalidSignature or PermissionDenied or IpNotWhitelisted;
}
