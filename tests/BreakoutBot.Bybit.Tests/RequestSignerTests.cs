using System.Text.Json;
using BreakoutBot.Bybit.Signing;

namespace BreakoutBot.Bybit.Tests;

public class RequestSignerTests
{
    private static JsonElement Vectors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "bybit", "samples", "requests", "signing_vectors.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    public static TheoryData<string> RestVectorNames() =>
        [.. Vectors().GetProperty("rest").EnumerateArray().Select(vector => vector.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(RestVectorNames))]
    public void SignRest_ReferenceVector_MatchesStringToSignAndSignature(string name)
    {
        var vector = Vectors().GetProperty("rest").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var credentials = new BybitCredentials(vector.GetProperty("apiKey").GetString()!, vector.GetProperty("apiSecret").GetString()!);
        var timestamp = long.Parse(vector.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var recvWindow = long.Parse(vector.GetProperty("recvWindow").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var payload = vector.GetProperty("payload").GetString()!;

        Assert.Equal(vector.GetProperty("stringToSign").GetString(), RequestSigner.RestStringToSign(timestamp, credentials.ApiKey, recvWindow, payload));
        Assert.Equal(vector.GetProperty("X-BAPI-SIGN").GetString(), RequestSigner.SignRest(credentials, timestamp, recvWindow, payload));
    }

    [Fact]
    public void SignWebSocketAuth_ReferenceVector_MatchesSignature()
    {
        var vector = Vectors().GetProperty("ws");
        var credentials = new BybitCredentials(vector.GetProperty("apiKey").GetString()!, vector.GetProperty("apiSecret").GetString()!);

        var signature = RequestSigner.SignWebSocketAuth(credentials, vector.GetProperty("expires").GetInt64());

        Assert.Equal(vector.GetProperty("signature").GetString(), signature);
    }

    [Fact]
    public void Matches_SameSignatureAnyCase_TrueOtherwiseFalse()
    {
        var signature = RequestSigner.Sign("secret", "message");

        Assert.True(RequestSigner.Matches(signature, signature.ToUpperInvariant()));
        Assert.False(RequestSigner.Matches(signature, RequestSigner.Sign("secret", "message2")));
        Assert.False(RequestSigner.Matches(signature, null));
    }

    [Fact]
    public void Credentials_ToString_NeverShowsTheSecret()
    {
        var credentials = new BybitCredentials("ABCDEFGH1234", "super-secret-value");

        var text = credentials.ToString();

        Assert.DoesNotContain("super-secret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEFGH1234", text, StringComparison.Ordinal);
        Assert.StartsWith("BybitCredentials(key ABCD***", text, StringComparison.Ordinal);
    }
}
