using BreakoutBot.Bybit.WebSocket;

namespace BreakoutBot.Bybit.Tests.WebSocket;

public class ReconnectBackoffTests
{
    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(10, 5_000)]
    [InlineData(1_000, 5_000)]
    public void Delay_Attempt_BetweenHalfAndAllOfTheCappedExponential(int attempt, double ceilingMs)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(42));

        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Delay(attempt).TotalMilliseconds).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, ceilingMs / 2, ceilingMs));
        Assert.True(delays.Distinct().Count() > 100, "jitter spreads the delays");
    }

    [Fact]
    public void Delay_SameSeed_SameSequence()
    {
        var first = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));
        var second = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));

        Assert.Equal(Enumerable.Range(1, 8).Select(first.Delay), Enumerable.Range(1, 8).Select(second.Delay));
    }
}
