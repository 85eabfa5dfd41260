using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BreakoutBot.Bybit.Resilience;

/// <summary>
/// What the resilience handlers need from a response without parsing its result: the envelope's <c>retCode</c> and
/// <c>time</c>, and the <c>X-Bapi-Limit*</c> headers when the endpoint is rate limited per account.
/// </summary>
public sealed record ResponseHead(int? RetCode, long? ServerTimeMs, int? Limit, int? Remaining, long? ResetTimestampMs)
{
    /// <summary>How long until the limit resets, measured on the venue's clock (immune to local clock skew); null when unknown.</summary>
    public TimeSpan? UntilReset => ResetTimestampMs is { } reset && ServerTimeMs is { } now && reset > now ? TimeSpan.FromMilliseconds(reset - now) : null;

    public static ResponseHead Read(HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var (retCode, time) = ReadEnvelopeHead(body);
        return new ResponseHead(retCode, time, Header(headers, "X-Bapi-Limit"), Header(headers, "X-Bapi-Limit-Status"), LongHeader(headers, "X-Bapi-Limit-Reset-Timestamp"));
    }

    /// <summary>Reads only the top-level <c>retCode</c> and <c>time</c>, skipping the result.</summary>
    public static (int? RetCode, long? ServerTimeMs) ReadEnvelopeHead(ReadOnlySpan<byte> body)
    {
        int? retCode = null;
        long? time = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRetCode = reader.ValueTextEquals("retCode"u8);
                var isTime = reader.ValueTextEquals("time"u8);
                reader.Read();
                if (isRetCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code))
                {
                    retCode = code;
                }
                else if (isTime && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms))
                {
                    time = ms;
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not an envelope (an HTML error page, a truncated body): the client reports it; nothing to learn here.
        }

        return (retCode, time);
    }

    private static int? Header(HttpResponseHeaders headers, string name) =>
        LongHeader(headers, name) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    private static long? LongHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
