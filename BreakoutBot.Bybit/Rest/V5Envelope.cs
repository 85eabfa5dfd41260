using System.Text.Json;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// Every V5 REST response: <c>retCode</c> (0 = success), <c>retMsg</c> (for people only), <c>result</c> (kept as JSON
/// for the endpoint's parser), <c>time</c> (server clock, ms).
/// </summary>
public sealed record V5Envelope(int RetCode, string RetMessage, JsonElement Result, long? ServerTimeMs)
{
    public bool IsSuccess => RetCode == BybitRetCodes.Ok;

    /// <exception cref="JsonException">The text is not a V5 envelope; the message says which part is missing.</exception>
    public static V5Envelope Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("retCode", out var retCode) || retCode.ValueKind != JsonValueKind.Number)
        {
            throw new JsonException("Not a Bybit V5 response: 'retCode' (a number) is missing.");
        }

        var message = root.TryGetProperty("retMsg", out var retMsg) && retMsg.ValueKind == JsonValueKind.String ? retMsg.GetString() ?? "" : "";
        var result = root.TryGetProperty("result", out var resultElement) ? resultElement.Clone() : default;
        long? time = root.TryGetProperty("time", out var timeElement) && timeElement.ValueKind == JsonValueKind.Number ? timeElement.GetInt64() : null;
        return new V5Envelope(retCode.GetInt32(), message, result, time);
    }
}
