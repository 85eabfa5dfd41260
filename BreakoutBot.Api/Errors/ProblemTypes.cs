namespace BreakoutBot.Api.Errors;

/// <summary>
/// The stable <c>type</c> URIs of every error the Api returns. Clients branch on these, never on the title or detail
/// text, so they must not change once published.
/// </summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:breakoutbot:problem:";

    public const string Validation = Prefix + "validation";
    public const string BadRequest = Prefix + "bad-request";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string Conflict = Prefix + "conflict";
    public const string CommandRefused = Prefix + "command-refused";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string RateLimited = Prefix + "rate-limited";
    public const string ExecutorUnavailable = Prefix + "executor-unavailable";
    public const string VenueUnavailable = Prefix + "venue-unavailable";
    public const string NoData = Prefix + "no-data";
    public const string DependencyUnavailable = Prefix + "dependency-unavailable";
    public const string Internal = Prefix + "internal";

    /// <summary>The type for a status code when the code itself is all that is known (status code pages, challenges).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        502 => VenueUnavailable,
        503 => DependencyUnavailable,
        504 => ExecutorUnavailable,
        _ when status >= 500 => Internal,
        _ => Prefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
