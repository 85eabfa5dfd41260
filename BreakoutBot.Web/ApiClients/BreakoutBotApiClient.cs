namespace BreakoutBot.Web.ApiClients;

/// <summary>The console's only way to the system: the Api over HTTP.</summary>
public sealed class BreakoutBotApiClient(HttpClient http)
{
    public async Task<ApplicationInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ApplicationInfo>("/api/info", cancellationToken)
        ?? throw new InvalidOperationException("The Api answered /api/info with an empty body.");
}
