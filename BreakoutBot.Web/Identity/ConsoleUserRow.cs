namespace BreakoutBot.Web.Identity;

/// <summary>A console user as the Users page lists it.</summary>
public sealed record ConsoleUserRow(string Id, string UserName, string Role, DateTimeOffset? LockedOutUntil, int FailedAttempts);
