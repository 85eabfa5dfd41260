namespace BreakoutBot.Web.ApiClients;

/// <summary>Trades whose R multiple lies in [FromR, ToR).</summary>
public sealed record RBucket(decimal FromR, decimal ToR, int Count);
