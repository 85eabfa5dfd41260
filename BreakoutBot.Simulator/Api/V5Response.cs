using System.Text.Json.Serialization;

namespace BreakoutBot.Simulator.Api;

/// <summary>
/// Bybit V5's response envelope: <c>retCode</c> 0 means success, <c>time</c> is the server's clock in
/// Unix milliseconds when the response was made.
/// </summary>
public sealed record V5Response<TResult>(
    [property: JsonPropertyName("retCode")] int RetCode,
    [property: JsonPropertyName("retMsg")] string RetMessage,
    [property: JsonPropertyName("result")] TResult Result,
    [property: JsonPropertyName("retExtInfo")] V5ExtraInfo ExtraInfo,
    [property: JsonPropertyName("time")] long TimeMs);

/// <summary>Builds <see cref="V5Response{TResult}"/> envelopes.</summary>
public static class V5Response
{
    public static V5Response<TResult> Ok<TResult>(TResult result, DateTimeOffset now) =>
        new(0, "OK", result, V5ExtraInfo.Empty, now.ToUnixTimeMilliseconds());

    /// <summary>A business error as Bybit sends it: HTTP 200, non-zero <c>retCode</c>, empty <c>result</c>.</summary>
    public static V5Response<V5ExtraInfo> Error(int retCode, string message, DateTimeOffset now) =>
        new(retCode, message, V5ExtraInfo.Empty, V5ExtraInfo.Empty, now.ToUnixTimeMilliseconds());
}

/// <summary>Bybit's <c>retExtInfo</c>: empty for single requests.</summary>
public sealed record V5ExtraInfo
{
    public static V5ExtraInfo Empty { get; } = new();
}
