namespace BreakoutBot.Contracts.Backtests;

/// <summary>
/// <c>POST /api/backtests</c>: run a stored preset version over a market in the backtester service. Everything but the
/// preset is optional; the Api stores the request with every default filled in (what <c>GET</c> shows is what ran).
/// </summary>
/// <param name="Preset">A stored preset's name.</param>
/// <param name="PresetVersion">Its version (the latest when omitted).</param>
/// <param name="Market">The bars to run over (the simulator's synthetic market when omitted).</param>
/// <param name="Balance">Starting balance in USDT (10,000 when omitted).</param>
/// <param name="From">First bar traded (earlier bars only warm up the indicators).</param>
/// <param name="To">Bars from this time on are not read.</param>
/// <param name="Symbols">Only these symbols of the market (all when omitted).</param>
/// <param name="Seed">Seeds the intrabar path model (1 when omitted).</param>
/// <param name="Interval">The bar interval the preset trades, as Bybit names it (<c>5</c> when omitted).</param>
/// <param name="TakerFeeBps">Taker fee in basis points (the preset's when omitted).</param>
/// <param name="MakerFeeBps">Maker fee in basis points, negative for a rebate (the preset's when omitted).</param>
/// <param name="SlippageBps">Slippage of market orders in basis points (2 when omitted).</param>
public sealed record StartBacktestRequest(
    string Preset,
    int? PresetVersion = null,
    BacktestMarketChoice? Market = null,
    decimal? Balance = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlyList<string>? Symbols = null,
    int? Seed = null,
    string? Interval = null,
    decimal? TakerFeeBps = null,
    decimal? MakerFeeBps = null,
    decimal? SlippageBps = null);
