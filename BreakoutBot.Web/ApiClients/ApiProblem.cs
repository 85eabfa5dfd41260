namespace BreakoutBot.Web.ApiClients;

/// <summary>
/// What went wrong with a call, as the operator should read it: the Api's RFC 7807 title/detail and, for a
/// validation problem, the errors keyed by JSON path or parameter name. Also used when the Api could not be reached.
/// </summary>
public sealed record ApiProblem(int? Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreachable(string reason) =>
        new(null, "The Api could not be reached", reason, new Dictionary<string, string[]>(StringComparer.Ordinal));

    /// <summary>One line for a status message: title, detail and every error.</summary>
    public string Summary =>
        string.Join(" ", new[] { Status is { } status ? $"HTTP {status}:" : null, Title, Detail }
            .Concat(Errors.Select(error => $"{error.Key}: {string.Join("; ", error.Value)}"))
            .Where(part => !string.IsNullOrWhiteSpace(part)));
}
