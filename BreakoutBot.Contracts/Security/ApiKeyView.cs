namespace BreakoutBot.Contracts.Security;

/// <summary>
/// An API key as listed (never its text or hash). <c>source</c> is <c>configuration</c> for keys given in
/// <c>Api:Keys</c> (changed only there) or <c>issued</c> for keys created through the Api; a revoked key stays listed.
/// </summary>
public sealed record ApiKeyView(string Name, string Role, string Source, DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);
