namespace BreakoutBot.Bybit.Signing;

/// <summary>
/// An API key and its secret. <see cref="ToString"/> never shows the secret (and only the key's first characters), so
/// credentials cannot leak through logs, exception messages or debugger displays.
/// </summary>
public sealed class BybitCredentials
{
    public BybitCredentials(string apiKey, string apiSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);
        ApiKey = apiKey;
        ApiSecret = apiSecret;
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    public override string ToString() => $"BybitCredentials(key {Redact(ApiKey)}, secret ***)";

    private static string Redact(string key) => key.Length <= 4 ? "***" : key[..4] + "***";
}
