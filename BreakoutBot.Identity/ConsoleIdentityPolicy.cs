using Microsoft.AspNetCore.Identity;

namespace BreakoutBot.Identity;

/// <summary>
/// Password and lockout rules for console users, the same wherever users are created or signed in: long passwords
/// rather than character classes, and <see cref="MaxFailedAttempts"/> wrong passwords lock the user out for
/// <see cref="LockoutDuration"/>.
/// </summary>
public static class ConsoleIdentityPolicy
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
