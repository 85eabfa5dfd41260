using System.Security.Claims;
using BreakoutBot.Identity;
using BreakoutBot.Web.Components.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Web.Identity;

/// <summary>
/// Sign-in through an OpenID Connect provider (<see cref="ConsoleSingleSignOnOptions"/>), as an external login of
/// ASP.NET Core Identity: authorization code with PKCE, the answer posted back (<c>form_post</c>), then
/// <c>/account/external-callback</c> finds the person's console user by the provider's subject (creating it the first
/// time), gives it the role the provider grants, and signs it in with the console's own cookie — so lockout, removal,
/// the minute-by-minute revalidation and the audit trail work as for a local user. A local user of the same name is
/// never taken over: that sign-in is refused.
/// </summary>
public static class ConsoleSingleSignOn
{
    public const string Scheme = "oidc";
    public const string ChallengePath = "/account/external";
    public const string CallbackPath = "/account/external-callback";

    public static IHostApplicationBuilder AddConsoleSingleSignOn(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ConsoleSingleSignOnOptions.SectionName);
        builder.Services.Configure<ConsoleSingleSignOnOptions>(section);
        var settings = section.Get<ConsoleSingleSignOnOptions>() ?? new ConsoleSingleSignOnOptions();
        if (!settings.IsEnabled)
        {
            return builder;
        }

        if (settings.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, settings.DisplayName, oidc =>
        {
            oidc.Authority = settings.Authority!.ToString();
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            oidc.ResponseType = "code";
            oidc.UsePkce = true;
            oidc.ResponseMode = "form_post";
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.CallbackPath = "/signin-oidc";
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = true;
            oidc.MapInboundClaims = false;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");
            oidc.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
            oidc.TokenValidationParameters.NameClaimType = "preferred_username";
            oidc.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            oidc.Events.OnRemoteFailure = context =>
            {
                // A forged, replayed or expired answer (bad state, no correlation cookie, a refused code): back to the
                // sign-in page with the refusal, not an error page.
                context.HandleResponse();
                context.Response.Redirect(context.Request.PathBase + ConsoleIdentityExtensions.LoginPath + "?externalError=" + SingleSignOnRefusal.Expired);
                return Task.CompletedTask;
            };
            oidc.Events.OnTokenValidated = context =>
            {
                // Identity keys an external login by the name-identifier claim: the provider's subject, unmapped.
                if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(ClaimTypes.NameIdentifier) is null && identity.FindFirst("sub") is { } subject)
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value));
                }

                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>The challenge (a form post with the antiforgery token, from the sign-in page) and the callback.</summary>
    public static WebApplication MapConsoleSingleSignOn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<ConsoleSingleSignOnOptions>>().Value.IsEnabled)
        {
            return app;
        }

        app.MapPost(ChallengePath, (SignInManager<ConsoleUser> signIn, [FromForm] string? returnUrl) =>
        {
            var properties = signIn.ConfigureExternalAuthenticationProperties(Scheme, CallbackPath + "?returnUrl=" + Uri.EscapeDataString(LocalReturnUrl.Or(returnUrl, "/")));
            return TypedResults.Challenge(properties, [Scheme]);
        }).AllowAnonymous();
        app.MapGet(CallbackPath, CompleteAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> CompleteAsync(
        HttpContext context, SignInManager<ConsoleUser> signIn, UserManager<ConsoleUser> users, IOptions<ConsoleSingleSignOnOptions> options, ILoggerFactory loggers,
        string? returnUrl)
    {
        var logger = loggers.CreateLogger("BreakoutBot.Web.Account");
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Refuse(SingleSignOnRefusal.Expired);
        }

        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var name = info.Principal.FindFirstValue("preferred_username") ?? info.Principal.FindFirstValue("name") ?? info.ProviderKey;
        var role = ConsoleRoles.HighestOf(role => info.Principal.FindAll(options.Value.RoleClaim).Any(claim => string.Equals(claim.Value, role, StringComparison.OrdinalIgnoreCase)));
        if (role is null)
        {
            Log.SignInRefused(logger, name, address, $"the provider grants no console role (claim '{options.Value.RoleClaim}')");
            return Refuse(SingleSignOnRefusal.NoRole);
        }

        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                // Never link a provider identity to an existing local user by name: that would hand its rights to whoever
                // the provider calls by that name.
                Log.SignInRefused(logger, name, address, "a console user of that name exists and is not linked to the provider");
                return Refuse(SingleSignOnRefusal.NameTaken);
            }

            user = new ConsoleUser { UserName = name };
            var created = await users.CreateAsync(user);
            created = created.Succeeded ? await users.AddLoginAsync(user, info) : created;
            if (!created.Succeeded)
            {
                Log.SignInRefused(logger, name, address, string.Join(" ", created.Errors.Select(error => error.Description)));
                return Refuse(SingleSignOnRefusal.NotAllowed);
            }
        }

        // The provider decides the role: whatever it grants now replaces what the user had.
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            Log.SignInRefused(logger, name, address, result.IsLockedOut ? "locked out" : "not allowed");
            return Refuse(result.IsLockedOut ? SingleSignOnRefusal.LockedOut : SingleSignOnRefusal.NotAllowed);
        }

        Log.SignedIn(logger, name + " (" + options.Value.DisplayName + ")", address);
        return TypedResults.LocalRedirect("~" + LocalReturnUrl.Or(returnUrl, "/"));
    }

    /// <summary>Back to the sign-in page with the refusal's code (a code, not text: a crafted link cannot put words on the page).</summary>
    private static RedirectHttpResult Refuse(SingleSignOnRefusal why) =>
        TypedResults.LocalRedirect("~" + ConsoleIdentityExtensions.LoginPath + "?externalError=" + why);
}
