using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Tests.MarketData;

public class TradeTests
{
    [Fact]
    public void Constructor_RecentTradeSample_KeepsFieldsAndComputesNotional()
    {
        // First trade of refdata/bybit/samples/rest/market_recent-trade_linear.json.
        var trade = new Trade(
            InstrumentSymbol.Parse("BTCUSDT"),
            "6a3f1a74-4c1e-5a0b-9b3f-2a1c1e7d6b10",
            DateTimeOffset.FromUnixTimeMilliseconds(1760325052611),
            66666.60m,
            0.012m,
            TakerSide.Sell,
            isBlockTrade: false);

        Assert.Equal(799.9992m, trade.Notional);
        Assert.Equal(TakerSide.Sell, trade.TakerSide);
        Assert.Equal(1760325052611, trade.Time.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Constructor_ZeroSize_ThrowsNamingSize()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Trade(InstrumentSymbol.Parse("BTCUSDT"), "id", DateTimeOffset.UnixEpoch, 1m, 0m, TakerSide.Buy, isBlockTrade: false));

        Assert.Equal("size", error.ParamName);
    }

    [Fact]
    public void Constructor_EmptyTradeId_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            new Trade(InstrumentSymbol.Parse("BTCUSDT"), " ", DateTimeOffset.UnixEpoch, 1m, 1m, TakerSide.Buy, isBlockTrade: false));
    }
}
