using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Tests.Trading;

public class TradingModeNamesTests
{
    [Theory]
    [InlineData("sim", TradingMode.Sim)]
    [InlineData("PAPER", TradingMode.Paper)]
    [InlineData(" testnet ", TradingMode.Testnet)]
    [InlineData("Demo", TradingMode.Demo)]
    [InlineData("live", TradingMode.Live)]
    public void TryParse_KnownName_ReturnsMode(string text, TradingMode expected)
    {
        Assert.True(TradingModeNames.TryParse(text, out var mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("real")]
    public void TryParse_UnknownName_ReturnsFalse(string? text)
    {
        Assert.False(TradingModeNames.TryParse(text, out _));
    }

    [Fact]
    public void ToName_EveryMode_RoundTrips()
    {
        foreach (var mode in Enum.GetValues<TradingMode>())
        {
            Assert.True(TradingModeNames.TryParse(TradingModeNames.ToName(mode), out var parsed));
            Assert.Equal(mode, parsed);
        }
    }

    [Fact]
    public void Validate_UnknownMode_NamesKeyAndValidValues()
    {
        var options = new TradingOptions { Mode = "yolo" };

        var result = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));

        Assert.Contains("Trading:Mode 'yolo'", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("sim, paper, testnet, demo, live", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsSim()
    {
        Assert.Equal(TradingMode.Sim, new TradingOptions().ParsedMode);
    }
}
