using Microsoft.AspNetCore.Identity;

namespace BreakoutBot.Identity;

/// <summary>A person who signs in to the console; what they may do comes from their role (<see cref="ConsoleRoles"/>).</summary>
public sealed class ConsoleUser : IdentityUser
{
}
