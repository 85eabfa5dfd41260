using BreakoutBot.Bybit.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Bybit.Tests.Rest;

public class VenueClockTests
{
    private static readonly DateTimeOffset Ours = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Venue = new(2026, 12, 6, 12, 0, 5, TimeSpan.Zero);

    [Fact]
    public void BeforeAnyAnswer_Null_ThenTheLatestVenueTimeCarriedForwardAtOurRate()
    {
        var local = new FakeTimeProvider(Ours);
        var clock = new VenueClock(local);
        Assert.Null(clock.Now);

        clock.Observe(Venue);
        local.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(Venue.AddMilliseconds(500), clock.Now);
    }

    [Fact]
    public void VenueRunningThreeHundredTimesFaster_MeasuredOverTwoSeconds_IsExtrapolatedAtItsRate()
    {
        var local = new FakeTimeProvider(Ours);
        var clock = new VenueClock(local);
        clock.Observe(Venue);
        local.Advance(TimeSpan.FromSeconds(1));
        clock.Observe(Venue.AddSeconds(300));
        Assert.Equal(Venue.AddSeconds(300), clock.Now);

        local.Advance(TimeSpan.FromSeconds(1));
        clock.Observe(Venue.AddSeconds(600));
        local.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(Venue.AddSeconds(630), clock.Now);
    }

    [Fact]
    public void AnAnswerOlderThanTheLatest_IsIgnored()
    {
        var local = new FakeTimeProvider(Ours);
        var clock = new VenueClock(local);
        clock.Observe(Venue);
        clock.Observe(Venue.AddSeconds(-30));

        Assert.Equal(Venue, clock.Now);
    }

    [Fact]
    public void RateBaseOlderThanTheWindow_IsReplaced_SoAChangeOfSpeedIsFollowed()
    {
        var local = new FakeTimeProvider(Ours);
        var clock = new VenueClock(local);
        clock.Observe(Venue);
        local.Advance(TimeSpan.FromMinutes(11));
        clock.Observe(Venue.AddMinutes(11 * 40));

        // From here the venue runs at our rate: the base moves to the last reading, and the rate follows within the window.
        local.Advance(TimeSpan.FromSeconds(10));
        clock.Observe(Venue.AddMinutes(11 * 40).AddSeconds(10));
        local.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Venue.AddMinutes(11 * 40).AddSeconds(11), clock.Now);
    }
}
