using BreakoutBot.Web.ApiClients;

namespace BreakoutBot.Web;

/// <summary>The console's registrations: Blazor (interactive server) and the typed client for the Api.</summary>
public static class WebServiceExtensions
{
    /// <summary>Resolved through service discovery: the AppHost's <c>api</c> resource, HTTPS preferred.</summary>
    public static readonly Uri ApiBaseAddress = new("https+http://api");

    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpClient<BreakoutBotApiClient>(client => client.BaseAddress = ApiBaseAddress);
        return builder;
    }
}
