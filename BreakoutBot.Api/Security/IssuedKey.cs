using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BreakoutBot.Api.Security;

/// <summary>One configured API key: the SHA-256 of its text (the key itself is not kept) and its role.</summary>
public sealed record IssuedKey(byte[] Hash, ApiRole Role)
{
    public static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// Reads <paramref name="configured"/> (a key, or <c>sha256:&lt;64 hex&gt;</c>) and <paramref name="role"/>
    /// (viewer, operator or admin; null: viewer).
    /// </summary>
    /// <exception cref="InvalidOperationException">The key is short, the hash malformed or the role unknown; the message names the setting.</exception>
    public static IssuedKey Parse(string name, string configured, string? role)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var parsedRole = ApiRole.Viewer;
        if ((role is not null && !Enum.TryParse(role, ignoreCase: true, out parsedRole)) || !Enum.IsDefined(parsedRole))
        {
            throw new InvalidOperationException($"{ApiKeyOptions.RolesSection}:{name} must be viewer, operator or admin.");
        }

        if (configured.StartsWith(ApiKeyOptions.HashPrefix, StringComparison.Ordinal))
        {
            var hex = configured[ApiKeyOptions.HashPrefix.Length..];
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException($"{ApiKeyOptions.KeysSection}:{name} starts with '{ApiKeyOptions.HashPrefix}' but is not followed by 64 hex digits (the key's SHA-256).");
            }

            return new IssuedKey(Convert.FromHexString(hex), parsedRole);
        }

        if (configured.Length < ApiKeyOptions.MinimumKeyLength)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{ApiKeyOptions.KeysSection}:{name} is shorter than {ApiKeyOptions.MinimumKeyLength} characters; issue a longer key."));
        }

        return new IssuedKey(HashOf(configured), parsedRole);
    }
}
