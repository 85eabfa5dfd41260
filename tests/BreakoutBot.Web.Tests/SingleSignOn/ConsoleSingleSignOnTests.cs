using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using BreakoutBot.Identity;
using BreakoutBot.Testing;
using BreakoutBot.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BreakoutBot.Web.Tests.SingleSignOn;

/// <summary>
/// Signing in to the console through an OpenID Connect provider, end to end over real sockets: the console (HTTPS on
/// loopback, real Identity stores in PostgreSQL) and panva/oidc-provider, driven the way a browser follows redirects
/// and the provider's form post. The provider decides who the person is and which role they hold.
/// </summary>
public sealed partial class ConsoleSingleSignOnTests(LocalPostgresServer postgres)
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProviderPeople_AreSignedInWithTheRoleItGrants_NoRoleIsRefused_ALocalUsersNameIsNeverTakenOver()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await MigrateIdentityAsync(connectionString);
        var port = FreeLoopbackPort();
        var console = new Uri($"https://127.0.0.1:{port}/");
        await using var provider = await TestIdentityProvider.StartAsync(new Uri(console, "/signin-oidc"), new Dictionary<string, string[]>
        {
            ["olga"] = [ConsoleRoles.Operator],
            ["admin"] = [ConsoleRoles.Admin],
        });
        await using var web = StartConsole(connectionString, port, provider.Issuer);

        // A person the provider makes an operator: a console user is created for them, linked to the provider.
        await provider.SignInAsAsync("olga");
        using (var browser = new Browser(console))
        {
            Assert.Equal("/about", await browser.SignInThroughProviderAsync("/about"));
            using var about = await browser.GetAsync("/about");
            Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        }

        Assert.Equal(ConsoleRoles.Operator, await RoleOfAsync(web, "olga"));

        // The provider's administrator makes her a viewer: her next sign-in carries that role, not the old one.
        await provider.GrantAsync("olga", ConsoleRoles.Viewer);
        using (var browser = new Browser(console))
        {
            Assert.Equal("/", await browser.SignInThroughProviderAsync("https://evil.example/phish"));
        }

        Assert.Equal(ConsoleRoles.Viewer, await RoleOfAsync(web, "olga"));

        // No console role at the provider: refused, and the page says why.
        await provider.GrantAsync("olga");
        using (var browser = new Browser(console))
        {
            var refused = await browser.SignInThroughProviderAsync("/");
            Assert.Equal("/account/login?externalError=NoRole", refused);
            using var page = await browser.GetAsync(refused);
            Assert.Contains("grants you no console role", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            using var after = await browser.GetAsync("/about");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }

        // The provider calls someone "admin": the console's own admin is not handed over to them.
        await provider.SignInAsAsync("admin");
        using (var browser = new Browser(console))
        {
            Assert.Equal("/account/login?externalError=NameTaken", await browser.SignInThroughProviderAsync("/"));
        }

        await using (var scope = web.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            var admin = (await users.FindByNameAsync("admin"))!;
            Assert.Empty(await users.GetLoginsAsync(admin));
            Assert.Equal([ConsoleRoles.Admin], await users.GetRolesAsync(admin));
        }

        // The sign-in page words only the refusals it knows: a crafted link cannot put text on it; the challenge needs
        // the page's antiforgery token.
        using (var browser = new Browser(console))
        {
            using var crafted = await browser.GetAsync("/account/login?externalError=Call%20%2B1-555-0100%20now");
            var craftedPage = await crafted.Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain("data-testid=\"login-error\"", craftedPage, StringComparison.Ordinal);
            Assert.DoesNotContain("Call +1-555-0100 now", craftedPage, StringComparison.Ordinal);
            using var forged = await browser.PostFormAsync(ConsoleSingleSignOn.ChallengePath, [new("returnUrl", "/")]);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

            // Without the provider's answer, the callback signs nobody in; a forged answer is refused, not an error page.
            using var bareCallback = await browser.GetAsync(ConsoleSingleSignOn.CallbackPath + "?returnUrl=/about");
            Assert.Equal("/account/login?externalError=Expired", bareCallback.Headers.Location?.OriginalString);
            using var forgedAnswer = await browser.PostFormAsync("/signin-oidc", [new("code", "stolen-code"), new("state", "forged-state")]);
            Assert.Equal(HttpStatusCode.Redirect, forgedAnswer.StatusCode);
            Assert.Equal("/account/login?externalError=Expired", forgedAnswer.Headers.Location?.OriginalString);
            using var stillOut = await browser.GetAsync("/about");
            Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        }
    }

    private static async Task MigrateIdentityAsync(string connectionString)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<ConsoleIdentityDbContext>(options => options.UseNpgsql(connectionString, ConsoleIdentityDbContext.ConfigureNpgsql));
        services.AddIdentityCore<ConsoleUser>(ConsoleIdentityPolicy.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<ConsoleIdentityDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConsoleIdentityDbContext>().Database.MigrateAsync(Cancel);
        await ConsoleIdentitySeed.EnsureAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>(), scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), "first-admin-password");
    }

    private static WebApplicationFactory<ConsoleSingleSignOnOptions> StartConsole(string connectionString, int port, Uri issuer)
    {
        var factory = new WebApplicationFactory<ConsoleSingleSignOnOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:breakoutdb", connectionString);
            builder.UseSetting("Api:BaseAddress", "http://127.0.0.1:9");
            builder.UseSetting("Console:Oidc:Authority", issuer.ToString());
            builder.UseSetting("Console:Oidc:ClientId", TestIdentityProvider.ClientId);
            builder.UseSetting("Console:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
            builder.UseSetting("Console:Oidc:DisplayName", "Test IdP");
            builder.UseSetting("Console:Oidc:RequireHttpsMetadata", "false");
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(SelfSignedCertificate())));
        factory.StartServer();
        return factory;
    }

    private static async Task<string?> RoleOfAsync(WebApplicationFactory<ConsoleSingleSignOnOptions> web, string userName)
    {
        await using var scope = web.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.NotNull(user);
        Assert.Contains(await users.GetLoginsAsync(user), login => login.LoginProvider == ConsoleSingleSignOn.Scheme && login.ProviderKey == userName);
        return ConsoleRoles.HighestOf((await users.GetRolesAsync(user)).Contains);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>What a browser does here: keeps cookies, follows redirects across the two sites, submits the provider's form post.</summary>
    private sealed partial class Browser(Uri console) : IDisposable
    {
        private readonly HttpClient _client = new(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        })
        { BaseAddress = console };

        public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
            _client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), Cancel);

        /// <summary>From the sign-in page's provider button to where the console finally sends the person (path and query).</summary>
        public async Task<string> SignInThroughProviderAsync(string returnUrl)
        {
            using var login = await GetAsync("/account/login");
            var html = await login.Content.ReadAsStringAsync(Cancel);
            var form = html[html.IndexOf("data-testid=\"login-sso-form\"", StringComparison.Ordinal)..];
            var token = WebUtility.HtmlDecode(AntiforgeryInput().Match(form).Groups[1].Value);
            var response = await PostFormAsync(ConsoleSingleSignOn.ChallengePath, [new("returnUrl", returnUrl), new("__RequestVerificationToken", token)]);
            for (var step = 0; step < 20; step++)
            {
                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect)
                {
                    var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
                    response.Dispose();
                    if (next.Authority == console.Authority && !next.AbsolutePath.StartsWith("/signin-oidc", StringComparison.Ordinal)
                        && !next.AbsolutePath.StartsWith(ConsoleSingleSignOn.CallbackPath, StringComparison.Ordinal))
                    {
                        return next.PathAndQuery;
                    }

                    response = await _client.GetAsync(next, Cancel);
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(Cancel);
                var post = FormAction().Match(body);
                Assert.True(post.Success, $"step {step}: {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body[..Math.Min(300, body.Length)]}");
                var fields = HiddenInput().Matches(body).Select(match => new KeyValuePair<string, string>(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value)));
                response.Dispose();
                response = await _client.PostAsync(new Uri(WebUtility.HtmlDecode(post.Groups[1].Value)), new FormUrlEncodedContent(fields), Cancel);
            }

            throw new InvalidOperationException("the sign-in did not end within 20 steps");
        }

        public void Dispose() => _client.Dispose();

        [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryInput();

        [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"")]
        private static partial Regex FormAction();

        [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
        private static partial Regex HiddenInput();
    }
}
