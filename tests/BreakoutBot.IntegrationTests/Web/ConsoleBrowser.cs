using Microsoft.Playwright;

namespace BreakoutBot.IntegrationTests.Web;

/// <summary>
/// Debian's chromium driven by Playwright against the AppHost's <c>web</c> resource (no browser download: the
/// executable is <see cref="ChromiumPath"/>). Screenshots go to <c>artifacts/screenshots</c> in the test output.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>A browser on the console, signed in as the first admin unless <paramref name="signIn"/> is false.</summary>
    public static async Task<ConsoleBrowser> OpenAsync(DistributedAppFixture fixture, int width = 1440, int height = 1000, bool signIn = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = fixture.App.GetEndpoint("web", "http").ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Dark,
        });
        // Generous waits: two cores run the whole application, the browser and the tests at once, and a Blazor circuit
        // under that load can take seconds to answer. These bound how long a test waits, not how fast the console must be.
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var console = new ConsoleBrowser(playwright, browser, page);
        if (signIn)
        {
            await console.SignInAsync("admin", DistributedAppFixture.ConsoleAdminPassword);
            await Assertions.Expect(page.GetByTestId("signed-in-person")).ToContainTextAsync("admin");
        }

        return console;
    }

    /// <summary>Fills in and sends the sign-in form (the caller checks where it led).</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("account/login");
        await Page.GetByTestId("login-user").FillAsync(userName);
        await Page.GetByTestId("login-password").FillAsync(password);
        // Wait for the post's answer (a redirect with the cookie, or the form again with the refusal): a navigation right
        // after the click would otherwise cancel the post before the cookie is set.
        await Page.RunAndWaitForResponseAsync(
            () => Page.GetByTestId("login-submit").ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.Ordinal));
        try
        {
            await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // Under load the page that follows (the redirect after sign-in, or the form again) can still be on its way:
            // the caller's next expectation (the signed-in person, the refusal) waits for it and says what is missing.
        }
    }

    public async Task SignOutAsync()
    {
        await Page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("signed-out")).ToBeVisibleAsync();
    }

    /// <summary>Opens a page and waits until its Blazor circuit is interactive (buttons work from then on).</summary>
    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.Locator("[data-testid=connection-indicator][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    /// <summary>Whether the console has an Api key (otherwise the Api refuses every action and the hub with 401).</summary>
    public async Task<bool> HasApiKeyAsync()
    {
        var indicator = Page.GetByTestId("connection-indicator");
        return !(await indicator.InnerTextAsync()).Contains("no key", StringComparison.Ordinal);
    }

    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
