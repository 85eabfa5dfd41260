namespace BreakoutBot.Data;

/// <summary>
/// A row of one trading mode's books (<c>sim</c>, <c>paper</c>, <c>testnet</c>, <c>demo</c>, <c>live</c>): signals,
/// orders, fills, positions, trades, funding, drift, equity and engine sessions. A context opened for a mode
/// (<see cref="TradingModeScope.UseTradingMode"/>) reads only that mode's rows and stamps the rows it adds with it, so
/// a deployment in one mode never sees, manages or counts another mode's books.
/// </summary>
public interface IModeScoped
{
    /// <summary>The trading mode the row belongs to, as <c>Trading:Mode</c> names it.</summary>
    string Mode { get; set; }
}
