using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreakoutBot.Contracts;

/// <summary>
/// How a client reads and writes the Api's bodies: camelCase properties and enums by their C# names (<c>Long</c>,
/// <c>Buy</c>), as the Api writes them. The Api itself reads requests more strictly (see <c>ApiJson</c>).
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
