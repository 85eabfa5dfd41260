using BreakoutBot.Identity;

namespace BreakoutBot.Web.Identity;

/// <summary>The signed-in person at the console: name, most powerful role, and the address they came from.</summary>
public sealed record ConsolePerson(string Name, string Role, string? Address)
{
    /// <summary>Whether this person's role includes <paramref name="required"/> (roles include the ones below them).</summary>
    public bool May(string required) => ConsoleRoles.AtLeast(required).Contains(Role, StringComparer.Ordinal);
}
