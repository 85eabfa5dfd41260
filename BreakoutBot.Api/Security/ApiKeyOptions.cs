using Microsoft.AspNetCore.Authentication;

namespace BreakoutBot.Api.Security;

/// <summary>
/// The issued API keys, <c>Api:Keys:&lt;name&gt; = &lt;key&gt;</c>: the name is who the caller is (audit log, rate
/// limits), the key its secret. Keys are compared in constant time and never logged or returned.
/// </summary>
public sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string KeysSection = "Api:Keys";

    /// <summary>Keys shorter than this are refused at start-up.</summary>
    public const int MinimumKeyLength = 16;

    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
