namespace BreakoutBot.Web.ApiClients;

/// <summary>The trade journal's filters, shared by the list and the CSV export.</summary>
public sealed record TradeFilter(string? Symbol = null, string? Direction = null, string? ExitReason = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public string ToQuery(params (string Name, object? Value)[] extra) =>
        BreakoutBotApiClient.Query([("symbol", Symbol), ("direction", Direction), ("exitReason", ExitReason), ("from", From), ("to", To), .. extra]);
}
