namespace BreakoutBot.Data.Security;

/// <summary>
/// An API key issued from the console or the Api (<c>api_keys</c>): only the SHA-256 of the key is stored, so a copy of
/// the database cannot be used to call the Api. A revoked key stays listed with who revoked it and when.
/// </summary>
public sealed class ApiKeyRecord
{
    /// <summary>Who the key is (the audit log's actor): lower-case letters, digits and dashes.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the key's text.</summary>
    public required byte[] Hash { get; set; }

    /// <summary>viewer, operator or admin.</summary>
    public required string Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
