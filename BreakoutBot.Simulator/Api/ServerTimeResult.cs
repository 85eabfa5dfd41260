using System.Text.Json.Serialization;

namespace BreakoutBot.Simulator.Api;

/// <summary>The result of <c>GET /v5/market/time</c>: both numbers as decimal strings, as Bybit sends them.</summary>
public sealed record ServerTimeResult(
    [property: JsonPropertyName("timeSecond")] string TimeSecond,
    [property: JsonPropertyName("timeNano")] string TimeNano)
{
    private const long NanosecondsPerTick = 100;

    public static ServerTimeResult At(DateTimeOffset now)
    {
        var unixTicks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = now.ToUnixTimeSeconds();
        var nanoseconds = checked(unixTicks * NanosecondsPerTick);
        return new ServerTimeResult(
            seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            nanoseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
