using System.Text.Json;
using BreakoutBot.Bybit.WebSocket;

namespace BreakoutBot.Bybit.Tests.WebSocket;

public class TickerStateTests
{
    private static JsonElement Sample(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "ws", name))).RootElement.Clone();

    [Fact]
    public void Apply_SnapshotThenDelta_DeltaOverwritesOnlyItsKeys()
    {
        var state = new TickerState();

        state.Apply(Sample("public_tickers_snapshot_linear.json"));
        var merged = state.Apply(Sample("public_tickers_delta_linear.json"))!;

        Assert.Equal((66_670.10m, 66_668.95m, 66_670.00m, 66_670.10m), (merged.LastPrice, merged.MarkPrice, merged.Bid1Price, merged.Ask1Price));
        Assert.Equal((115_418.19m, 4_936_790_807.6521m, -0.005m), (merged.IndexPrice, merged.Turnover24h, merged.FundingRate));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_760_325_052_730), merged.Time);
    }

    [Fact]
    public void Apply_DeltaBeforeSnapshot_IsNotATicker()
    {
        var state = new TickerState();

        Assert.Null(state.Apply(Sample("public_tickers_delta_linear.json")));
        Assert.False(state.HasSnapshot);
    }

    [Fact]
    public void Apply_BadDelta_ThrowsAndKeepsTheLastGoodState()
    {
        var state = new TickerState();
        state.Apply(Sample("public_tickers_snapshot_linear.json"));
        using var bad = JsonDocument.Parse("""{"topic":"tickers.BTCUSDT","type":"delta","ts":1,"data":{"symbol":"BTCUSDT","lastPrice":"lots"}}""");

        Assert.Throws<FormatException>(() => state.Apply(bad.RootElement));
        var next = state.Apply(Sample("public_tickers_delta_linear.json"))!;

        Assert.Equal(66_670.10m, next.LastPrice);
    }

    [Fact]
    public void Apply_SnapshotMissingARequiredField_IsAFormatException()
    {
        using var snapshot = JsonDocument.Parse("""{"topic":"tickers.BTCUSDT","type":"snapshot","ts":1,"data":{"symbol":"BTCUSDT","lastPrice":"1"}}""");

        Assert.Throws<FormatException>(() => new TickerState().Apply(snapshot.RootElement));
    }
}
