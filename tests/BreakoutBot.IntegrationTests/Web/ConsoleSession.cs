using System.Net;
using System.Text.RegularExpressions;

namespace BreakoutBot.IntegrationTests.Web;

/// <summary>An HTTP client signed in to the console through its sign-in form (antiforgery token included), cookies kept.</summary>
internal static partial class ConsoleSession
{
    public static async Task<HttpClient> SignInAsync(DistributedAppFixture fixture, string userName = "admin", string password = DistributedAppFixture.ConsoleAdminPassword)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = fixture.App.GetEndpoint("web", "http") };
        var cancellation = TestContext.Current.CancellationToken;
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), cancellation);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "the sign-in form carries an antiforgery token");
        using var answer = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("_handler", "login"),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
            new("Input.UserName", userName),
            new("Input.Password", password),
        ]), cancellation);
        answer.EnsureSuccessStatusCode();
        Assert.NotEqual("/account/login", answer.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
