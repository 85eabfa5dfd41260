namespace BreakoutBot.Identity;

/// <summary>
/// The console's roles, each including the ones before it: a <see cref="Viewer"/> reads; an <see cref="Operator"/> also
/// starts, pauses, stops and kills the engine, closes positions and edits presets; an <see cref="Admin"/> also manages
/// users and starts a real venue.
/// </summary>
public static class ConsoleRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>Every role, least powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    /// <summary>The roles that may do what <paramref name="required"/> may (it and every more powerful one).</summary>
    public static string[] AtLeast(string required)
    {
        var index = IndexOf(required);
        return index < 0 ? throw new ArgumentException($"'{required}' is not a console role ({string.Join(", ", All)})", nameof(required)) : [.. All.Skip(index)];
    }

    public static bool IsRole(string? role) => IndexOf(role) >= 0;

    /// <summary>The most powerful of the roles <paramref name="holds"/> says a user has; null when none.</summary>
    public static string? HighestOf(Func<string, bool> holds)
    {
        ArgumentNullException.ThrowIfNull(holds);
        return All.LastOrDefault(holds);
    }

    private static int IndexOf(string? role) => role is null ? -1 : All.ToList().IndexOf(role);
}
