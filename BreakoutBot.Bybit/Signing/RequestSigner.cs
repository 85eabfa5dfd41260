using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BreakoutBot.Bybit.Signing;

/// <summary>
/// Bybit V5 HMAC signing. REST: <c>hex(HMAC_SHA256(secret, timestamp + apiKey + recvWindow + payload))</c> where the
/// payload is the query string exactly as sent (GET) or the exact JSON body (POST). Private WebSocket auth:
/// <c>hex(HMAC_SHA256(secret, "GET/realtime" + expires))</c>.
/// </summary>
public static class RequestSigner
{
    public static string RestStringToSign(long timestampMs, string apiKey, long recvWindowMs, string payload) =>
        string.Concat(
            timestampMs.ToString(CultureInfo.InvariantCulture),
            apiKey,
            recvWindowMs.ToString(CultureInfo.InvariantCulture),
            payload);

    public static string SignRest(BybitCredentials credentials, long timestampMs, long recvWindowMs, string payload)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(payload);
        return Sign(credentials.ApiSecret, RestStringToSign(timestampMs, credentials.ApiKey, recvWindowMs, payload));
    }

    public static string SignWebSocketAuth(BybitCredentials credentials, long expiresMs)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Sign(credentials.ApiSecret, "GET/realtime" + expiresMs.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Lowercase hex HMAC-SHA256 of UTF-8 <paramref name="message"/> under UTF-8 <paramref name="secret"/>.</summary>
    public static string Sign(string secret, string message)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(message);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Compares a received signature with the expected one in constant time (for the simulator's verifier).</summary>
    public static bool Matches(string expected, string? received) =>
        received is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.ToLowerInvariant()));
}
