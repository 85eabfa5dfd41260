using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Tests.MarketData;

public class InstrumentSymbolTests
{
    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("1000PEPEUSDT")]
    [InlineData("BTC-26DEC25")]
    public void Parse_BybitSymbol_KeepsExactSpelling(string text)
    {
        var symbol = InstrumentSymbol.Parse(text);

        Assert.Equal(text, symbol.Value);
        Assert.Equal(text, symbol.ToString());
    }

    [Theory]
    [InlineData("btcusdt")]
    [InlineData("BTC/USDT")]
    [InlineData(" BTCUSDT")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")]
    public void Parse_InvalidText_ThrowsFormatExceptionQuotingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => InstrumentSymbol.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(InstrumentSymbol.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Empty_ThrowsFormatExceptionSayingEmpty()
    {
        var error = Assert.Throws<FormatException>(() => InstrumentSymbol.Parse(string.Empty));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(InstrumentSymbol.TryParse(null, out var symbol));
        Assert.Equal(default, symbol);
    }

    [Fact]
    public void Equality_SameText_IsEqual()
    {
        Assert.Equal(InstrumentSymbol.Parse("ETHUSDT"), new InstrumentSymbol("ETHUSDT"));
        Assert.NotEqual(InstrumentSymbol.Parse("ETHUSDT"), InstrumentSymbol.Parse("BTCUSDT"));
    }

    [Fact]
    public void Default_Value_IsEmptyNotNull()
    {
        Assert.Equal(string.Empty, default(InstrumentSymbol).Value);
    }
}
