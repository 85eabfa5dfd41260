using System.Text.Json;
using BreakoutBot.Bybit.Rest;

namespace BreakoutBot.Bybit.Tests;

public class V5EnvelopeTests
{
    private static string Sample(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "rest", name));

    [Theory]
    [InlineData("error_10001.json", 10001)]
    [InlineData("error_10002.json", 10002)]
    [InlineData("error_10003.json", 10003)]
    [InlineData("error_10004.json", 10004)]
    [InlineData("error_10006.json", 10006)]
    [InlineData("error_110001.json", 110001)]
    [InlineData("error_110007.json", 110007)]
    [InlineData("error_110017.json", 110017)]
    [InlineData("error_110043.json", 110043)]
    [InlineData("error_110072.json", 110072)]
    [InlineData("error_110094.json", 110094)]
    public void Parse_ErrorSample_ReadsRetCodeAndIsNotSuccess(string file, int retCode)
    {
        var envelope = V5Envelope.Parse(Sample(file));

        Assert.Equal(retCode, envelope.RetCode);
        Assert.False(envelope.IsSuccess);
    }

    [Fact]
    public void Parse_MarketTime_ReadsResultAndServerTime()
    {
        var envelope = V5Envelope.Parse(Sample("market_time.json"));

        Assert.True(envelope.IsSuccess);
        Assert.Equal(1688639403423, envelope.ServerTimeMs);
        Assert.Equal(1688639403m, BybitJson.Decimal(envelope.Result, "timeSecond"));
    }

    [Fact]
    public void Parse_NotAnEnvelope_ThrowsNamingRetCode()
    {
        var exception = Assert.Throws<JsonException>(() => V5Envelope.Parse("""{"code":0}"""));

        Assert.Contains("retCode", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_StringsKeepTheirScaleAndEmptyIsNull()
    {
        using var document = JsonDocument.Parse("""{"qty":"0.010","price":"66000.0","empty":"","bad":"abc","n":5}""");
        var root = document.RootElement;

        Assert.Equal("0.010", BybitJson.Decimal(root, "qty").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(66000.0m, BybitJson.Decimal(root, "price"));
        Assert.Null(BybitJson.DecimalOrNull(root, "empty"));
        Assert.Null(BybitJson.DecimalOrNull(root, "absent"));
        Assert.Equal(5m, BybitJson.Decimal(root, "n"));
        Assert.Contains("'bad' is \"abc\"", Assert.Throws<FormatException>(() => BybitJson.Decimal(root, "bad")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetCodes_RetryableAndAuthentication_AreDistinguishedByCode()
    {
        Assert.True(BybitRetCodes.IsRetryable(10006));
        Assert.True(BybitRetCodes.IsRetryable(10002));
        Assert.False(BybitRetCodes.IsRetryable(110007));
        Assert.True(BybitRetCodes.IsAuthenticationFailure(10004));
        Assert.False(BybitRetCodes.IsAuthenticationFailure(10006));
    }
}
