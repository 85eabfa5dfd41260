using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BreakoutBot.IntegrationTests.Web;

/// <summary>
/// Who may use the console, against the running application: nothing but the sign-in page without a session, the
/// security headers on every answer, lockout after wrong passwords, the admin's user management, a viewer refused
/// every change, and sign-out.
/// </summary>
public class ConsoleSignInTests(DistributedAppFixture fixture)
{
    private const string ViewerPassword = "viewer-password-0123";

    [Fact]
    public async Task WithoutASession_EveryPageAndTheExportLeadToTheSignInPage_HealthStaysOpen_HeadersForbidFraming()
    {
        var web = fixture.App.GetEndpoint("web", "http");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = web };
        var cancellation = TestContext.Current.CancellationToken;

        foreach (var path in (string[])["/", "/engine", "/positions", "/users", "/export/trades.csv"])
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode} without a session");
            Assert.Equal("/account/login", new Uri(web, response.Headers.Location!).AbsolutePath);
        }

        using var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", login.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(login.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(login.Headers.GetValues("X-Content-Type-Options")));

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // Sign-out is a form post that must carry the antiforgery token: a page elsewhere cannot sign a person out (and
        // without a session there is nobody to sign out: it leads to the sign-in page).
        using var anonymousSignOut = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([new("reason", "signed-out")]), cancellation);
        Assert.Equal(HttpStatusCode.Redirect, anonymousSignOut.StatusCode);
        using var session = await ConsoleSession.SignInAsync(fixture);
        using var forged = await session.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([new("reason", "signed-out")]), cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var stillSignedIn = await session.GetAsync(new Uri("/about", UriKind.Relative), cancellation);
        Assert.Equal("/about", stillSignedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AdminAddsAViewer_WrongPasswordsLockItOut_AdminLiftsIt_TheViewerReadsButIsRefusedEveryChange()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture);
        var page = browser.Page;
        var viewer = "viewer-" + Guid.NewGuid().ToString("N")[..8];

        await browser.GoAsync("/users");
        await page.GetByTestId("new-user-name").FillAsync(viewer);
        await page.GetByTestId("new-user-password").FillAsync(ViewerPassword);
        await page.GetByTestId("new-user-role").SelectOptionAsync("viewer");
        await page.GetByTestId("new-user-submit").ClickAsync();
        await Expect(page.GetByTestId("users-outcome")).ToContainTextAsync($"{viewer} added as viewer");
        await Expect(page.Locator($"[data-testid=user-row][data-user='{viewer}']")).ToBeVisibleAsync();
        await browser.SignOutAsync();

        // Signed out, a page leads back to the sign-in form.
        await page.GotoAsync("engine");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        // Wrong passwords get one answer whether or not the name exists; the fifth locks the user out, and then even
        // the right password is refused.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(viewer, "wrong-password-" + attempt);
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked out");
        await browser.SignInAsync(viewer, ViewerPassword);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked out");
        await browser.SignInAsync("nobody-" + viewer, "wrong-password-0");
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong user name or password.");

        await browser.SignInAsync("admin", DistributedAppFixture.ConsoleAdminPassword);
        await browser.GoAsync("/users");
        await page.Locator($"[data-testid=user-row][data-user='{viewer}'] [data-testid=user-unlock]").ClickAsync();
        await Expect(page.GetByTestId("users-outcome")).ToContainTextAsync($"{viewer} may sign in again");
        await browser.SignOutAsync();

        await browser.SignInAsync(viewer, ViewerPassword);
        await Expect(page.GetByTestId("signed-in-person")).ToContainTextAsync($"{viewer} · viewer");
        await browser.GoAsync("/engine");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await page.GetByLabel("Flatten all positions").CheckAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kill engine" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kill engine" }).ClickAsync();
        await page.Locator("[data-testid=confirm-box] button[aria-label=Confirm]").ClickAsync();
        await Expect(page.GetByTestId("action-result")).ToContainTextAsync("needs the operator role");

        // Nothing reached the Api in the viewer's name; the admin's sign-ins did (reads carry the person too).
        using var api = fixture.App.CreateHttpClient("api");
        api.DefaultRequestHeaders.Add("X-Api-Key", DistributedAppFixture.AutomationApiKey);
        using var kills = await api.GetJsonAsync("/api/audit?action=engine.kill&pageSize=200");
        Assert.DoesNotContain(kills.RootElement.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("actor").GetString() == "web/" + viewer);

        await browser.GoAsync("/users");
        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await browser.SignOutAsync();
    }

    [Fact]
    public async Task AdminIssuesAnApiKeyInTheConsole_ItReadsWithItsRole_RevokedItIsRefused()
    {
        await using var browser = await ConsoleBrowser.OpenAsync(fixture);
        var page = browser.Page;
        var name = "reader-" + Guid.NewGuid().ToString("N")[..8];

        await browser.GoAsync("/users");
        await page.GetByTestId("new-key-name").FillAsync(name);
        await page.GetByTestId("new-key-role").SelectOptionAsync("viewer");
        await page.GetByTestId("new-key-submit").ClickAsync();
        await Expect(page.GetByTestId("issued-key")).ToContainTextAsync(name);
        var key = await page.GetByTestId("issued-key-text").InnerTextAsync();
        await Expect(page.Locator($"[data-testid=key-row][data-key='{name}']")).ToContainTextAsync("viewer");

        using var api = fixture.App.CreateHttpClient("api");
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        var cancellation = TestContext.Current.CancellationToken;
        using (var status = await api.GetAsync(new Uri("/api/engine/status", UriKind.Relative), cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        using (var stop = await api.PostAsync(new Uri("/api/engine/stop", UriKind.Relative), null, cancellation))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        }

        await page.Locator($"[data-testid=key-row][data-key='{name}'] [data-testid=key-revoke]").ClickAsync();
        await Expect(page.Locator($"[data-testid=key-row][data-key='{name}'] [data-testid=key-revoked]")).ToContainTextAsync("by web/admin");
        using var refused = await api.GetAsync(new Uri("/api/engine/status", UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
