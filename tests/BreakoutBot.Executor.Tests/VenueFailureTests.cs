using BreakoutBot.Bybit.Rest;
using BreakoutBot.Executor.Venue;
using Polly.Timeout;

namespace BreakoutBot.Executor.Tests;

/// <summary>Which exceptions of a venue call count as the venue failing, and which do not.</summary>
public sealed class VenueFailureTests
{
    [Fact]
    public void RefusalsTransportFailuresAndTimeouts_AreTheVenues_OurCancellationAndOurDefectsAreNot()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(VenueFailure.Is(new BybitApiException("/v5/position/list", 10016, "server error"), CancellationToken.None));
        Assert.True(VenueFailure.Is(new HttpRequestException("connection refused"), CancellationToken.None));
        Assert.True(VenueFailure.Is(new TimeoutRejectedException(), CancellationToken.None));
        Assert.True(VenueFailure.Is(new TaskCanceledException("HttpClient.Timeout"), CancellationToken.None));
        Assert.False(VenueFailure.Is(new TaskCanceledException(), cancelled.Token));
        Assert.False(VenueFailure.Is(new InvalidOperationException("a defect of ours"), CancellationToken.None));
    }
}
