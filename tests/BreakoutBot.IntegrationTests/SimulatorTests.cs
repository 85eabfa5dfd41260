using System.Globalization;

namespace BreakoutBot.IntegrationTests;

public class SimulatorTests(DistributedAppFixture fixture)
{
    [Fact]
    public async Task MarketTime_AnswersInBybitV5Format()
    {
        using var client = fixture.App.CreateHttpClient("exchange-sim");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var response = await client.GetJsonAsync("/v5/market/time");

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var root = response.RootElement;
        Assert.Equal(0, root.GetProperty("retCode").GetInt32());
        Assert.Equal("OK", root.GetProperty("retMsg").GetString());
        var seconds = long.Parse(root.GetProperty("result").GetProperty("timeSecond").GetString()!, CultureInfo.InvariantCulture);
        var nanos = long.Parse(root.GetProperty("result").GetProperty("timeNano").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, before, after);
        Assert.Equal(seconds, nanos / 1_000_000_000);
        Assert.Equal(seconds, root.GetProperty("time").GetInt64() / 1000);
    }
}
