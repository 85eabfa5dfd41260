using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BreakoutBot.Web.Tests.SingleSignOn;

/// <summary>
/// panva/oidc-provider (a certified OpenID Connect provider nobody here wrote) run by node from tests/oidc-idp on a
/// loopback port, with the console registered as a confidential client. The test chooses who is signed in at the
/// provider and which roles they hold.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "breakoutbot-console";
    public const string ClientSecret = "test-client-secret-0123456789";

    private readonly Process _node;
    private readonly HttpClient _admin;

    private TestIdentityProvider(Process node, Uri issuer)
    {
        _node = node;
        Issuer = issuer;
        _admin = new HttpClient { BaseAddress = issuer };
    }

    public Uri Issuer { get; }

    public static async Task<TestIdentityProvider> StartAsync(Uri redirectUri, IReadOnlyDictionary<string, string[]> accounts)
    {
        var directory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "oidc-idp"));
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            throw new InvalidOperationException($"{directory} has no node_modules: run scripts/prerequisites.sh --tests (npm ci there) first");
        }

        var start = new ProcessStartInfo("node", "idp.mjs")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["IDP_CLIENT_ID"] = ClientId;
        start.Environment["IDP_CLIENT_SECRET"] = ClientSecret;
        start.Environment["IDP_REDIRECT_URI"] = redirectUri.ToString();
        start.Environment["IDP_ACCOUNTS"] = JsonSerializer.Serialize(accounts.ToDictionary(pair => pair.Key, pair => new { roles = pair.Value }));
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.ErrorDataReceived += (_, _) => { };
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new TestIdentityProvider(node, new Uri(line["listening ".Length..]));
            }
        }

        throw new InvalidOperationException($"the identity provider exited with {(node.HasExited ? node.ExitCode.ToString(CultureInfo.InvariantCulture) : "no code")} before listening");
    }

    /// <summary>The person signed in at the provider from now on.</summary>
    public async Task SignInAsAsync(string account)
    {
        using var response = await _admin.PostAsync(new Uri($"/test/signed-in?account={Uri.EscapeDataString(account)}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What the provider's administrator grants <paramref name="account"/> from now on.</summary>
    public async Task GrantAsync(string account, params string[] roles)
    {
        using var response = await _admin.PostAsync(new Uri($"/test/roles?account={Uri.EscapeDataString(account)}&roles={Uri.EscapeDataString(string.Join(',', roles))}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node.Dispose();
    }
}
