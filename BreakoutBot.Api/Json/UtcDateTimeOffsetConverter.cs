using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreakoutBot.Api.Json;

/// <summary>Writes every time as ISO-8601 UTC with a <c>Z</c> (<c>2026-11-26T12:00:00.0000000Z</c>); reads any ISO-8601 offset.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
