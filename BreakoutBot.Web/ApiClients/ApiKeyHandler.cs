using Microsoft.Extensions.Options;

namespace BreakoutBot.Web.ApiClients;

/// <summary>Adds the console's API key to every request to the Api (when one is configured).</summary>
public sealed class ApiKeyHandler(IOptions<WebApiOptions> options) : DelegatingHandler
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.Value.HasKey && !request.Headers.Contains(HeaderName))
        {
            request.Headers.Add(HeaderName, options.Value.Key);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
