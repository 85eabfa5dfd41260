namespace BreakoutBot.Contracts.Security;

/// <summary>A key just issued: <c>key</c> is its text, shown this once (only its hash is kept); send it as <c>X-Api-Key</c>.</summary>
public sealed record IssuedApiKey(string Name, string Role, string Key, DateTimeOffset CreatedAt);
