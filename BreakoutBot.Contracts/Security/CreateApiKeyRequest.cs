namespace BreakoutBot.Contracts.Security;

/// <summary>
/// Issue a key: <c>name</c> 3–64 lower-case letters, digits and dashes, not in use; <c>role</c> viewer, operator or admin.
/// </summary>
public sealed record CreateApiKeyRequest(string? Name, string? Role);
