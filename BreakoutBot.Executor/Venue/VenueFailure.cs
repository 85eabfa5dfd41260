using BreakoutBot.Bybit.Rest;
using Polly.Timeout;

namespace BreakoutBot.Executor.Venue;

/// <summary>
/// Whether an exception from a venue call means the venue refused, failed or did not answer in time — everything the
/// REST client surfaces after its retries (a Bybit error, a transport failure, an attempt or whole-call timeout) — as
/// opposed to our own cancellation or a defect of ours.
/// </summary>
internal static class VenueFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        BybitApiException or HttpRequestException or TimeoutException or TimeoutRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
