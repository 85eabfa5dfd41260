using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreakoutBot.Api.Json;

/// <summary>
/// The Api's JSON: camelCase properties, enums by their names (<c>Long</c>, as the stream messages spell them), times in UTC, decimals as exact numbers, and strict reading (unknown
/// fields, numbers in strings and missing required values are 400s, not silently ignored).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 64;
        // Enum values by their C# names (Long, Buy, Taker), exactly as the stream messages and the database spell them.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }

    /// <summary>The same options standalone (hub protocol, CSV-free exports, tests).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
