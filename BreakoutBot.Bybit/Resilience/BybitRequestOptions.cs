namespace BreakoutBot.Bybit.Resilience;

/// <summary>What a Bybit request tells the handlers below it.</summary>
public static class BybitRequestOptions
{
    /// <summary>
    /// Signs the request again with a fresh timestamp. Set by the private client; called right before every attempt,
    /// so a retry after a back-off or a rate-limit wait is not refused for an old timestamp (10002).
    /// </summary>
    public static readonly HttpRequestOptionsKey<Action<HttpRequestMessage>> Resign = new("BreakoutBot.Bybit.Resign");

    /// <summary>The envelope head of the response (retCode, server time), read once by the rate-limit handler.</summary>
    public static readonly HttpRequestOptionsKey<ResponseHead> Response = new("BreakoutBot.Bybit.Response");
}
