using System.Text;
using BreakoutBot.Bybit.Resilience;

namespace BreakoutBot.Bybit.Tests.Resilience;

public sealed class ResponseHeadTests
{
    [Fact]
    public void Read_HeaderExampleFromTheDocs_LimitStatusAndReset()
    {
        using var response = new HttpResponseMessage();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "rest", "http_response_headers_example.txt"));
        foreach (var line in lines.Where(line => line.StartsWith("X-Bapi", StringComparison.Ordinal)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            response.Headers.TryAddWithoutValidation(line[..colon], line[(colon + 1)..].Trim());
        }

        var head = ResponseHead.Read(response.Headers, Encoding.UTF8.GetBytes("""{"retCode":0,"retMsg":"OK","result":{"list":[1,2,{"a":[]}]},"retExtInfo":{},"time":1672738134000}"""));

        Assert.Equal((10, 9, 1672738134824L), (head.Limit!.Value, head.Remaining!.Value, head.ResetTimestampMs!.Value));
        Assert.Equal((0, 1672738134000L), (head.RetCode!.Value, head.ServerTimeMs!.Value));
        Assert.Equal(TimeSpan.FromMilliseconds(824), head.UntilReset);
    }

    [Fact]
    public void ReadEnvelopeHead_NotJson_NoCodeNoTime()
    {
        var (retCode, time) = ResponseHead.ReadEnvelopeHead("<html>502</html>"u8);

        Assert.Null(retCode);
        Assert.Null(time);
    }
}
