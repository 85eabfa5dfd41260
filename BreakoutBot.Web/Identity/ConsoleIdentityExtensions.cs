using BreakoutBot.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Web.Identity;

/// <summary>
/// Sign-in for the console: ASP.NET Core Identity over the <c>identity</c> schema of the trading database (the
/// db-migrator creates it and the first admin), a cookie that is HTTP-only, same-site strict and HTTPS-only outside
/// Development, lockout after <see cref="ConsoleIdentityPolicy.MaxFailedAttempts"/> wrong passwords, and every page
/// behind the fallback policy (<see cref="ConsolePolicies"/>).
/// </summary>
public static class ConsoleIdentityExtensions
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/denied";
    public const string CookieName = "breakoutbot.console";

    /// <summary>The trading database's connection (the AppHost's reference); users live in its <c>identity</c> schema.</summary>
    public const string DatabaseConnectionName = "breakoutdb";

    public static IHostApplicationBuilder AddConsoleIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDbContext<ConsoleIdentityDbContext>(DatabaseConnectionName, configureDbContextOptions: options => options.UseNpgsql(ConsoleIdentityDbContext.ConfigureNpgsql));
        builder.Services.AddIdentity<ConsoleUser, IdentityRole>(ConsoleIdentityPolicy.Apply)
            .AddEntityFrameworkStores<ConsoleIdentityDbContext>();
        var development = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        ConsolePolicies.Configure(builder.Services.AddAuthorizationBuilder());
        // The cookie is checked against the user store every minute (a removed or re-roled user's stamp no longer matches),
        // and so are open circuits.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = ConsoleRevalidatingAuthenticationStateProvider.Interval);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, ConsoleRevalidatingAuthenticationStateProvider>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IConsolePeople, SignedInConsolePeople>();
        builder.Services.AddScoped<ConsoleUserAdministration>();
        return builder;
    }

    /// <summary>Sign-out: a POST with the antiforgery token (a link could be triggered by another site); back to the login page.</summary>
    public static WebApplication MapConsoleSignOut(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(LogoutPath, async (SignInManager<ConsoleUser> signIn, [FromForm] string? reason) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~" + LoginPath + (reason is "signed-out" ? "?signedOut=true" : ""));
        });
        return app;
    }
}
