using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Domain.Scanning;

/// <summary>
/// Picks the symbols a scan evaluates from the tickers of the USDT-perpetual universe, applying the preset's
/// <c>scanner_config</c> in this order: whitelist, blacklist, <c>top_n_by_volume</c> (by 24 h turnover), then the
/// gainers / losers restriction (a symbol qualifying under either enabled one is kept).
/// </summary>
public static class UniverseSelection
{
    /// <summary>The selected symbols, highest 24 h turnover first, ties by symbol (ordinal).</summary>
    public static IReadOnlyList<InstrumentSymbol> Select(IReadOnlyList<Ticker> tickers, ScannerConfig scanner)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(scanner);
        var whitelist = scanner.SymbolWhitelist is { } white ? new HashSet<string>(white, StringComparer.Ordinal) : null;
        var blacklist = scanner.SymbolBlacklist is { } black ? new HashSet<string>(black, StringComparer.Ordinal) : null;
        var candidates = new List<Ticker>(tickers.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ticker in tickers)
        {
            ArgumentNullException.ThrowIfNull(ticker, nameof(tickers));
            var symbol = ticker.Symbol.Value;
            if ((whitelist is null || whitelist.Contains(symbol)) && blacklist?.Contains(symbol) != true && seen.Add(symbol))
            {
                candidates.Add(ticker);
            }
        }

        candidates.Sort(ByTurnoverThenSymbol);
        if (scanner.TopNByVolume is { } topN && candidates.Count > topN)
        {
            candidates.RemoveRange(topN, candidates.Count - topN);
        }

        var gainers = scanner.GainersFilter is { Enabled: true } gainersFilter ? TopGainers(candidates, gainersFilter) : null;
        var losers = scanner.LosersFilter is { Enabled: true } losersFilter ? TopLosers(candidates, losersFilter) : null;
        var selected = new List<InstrumentSymbol>(candidates.Count);
        foreach (var ticker in candidates)
        {
            var symbol = ticker.Symbol.Value;
            var restricted = gainers is not null || losers is not null;
            if (!restricted || gainers?.Contains(symbol) == true || losers?.Contains(symbol) == true)
            {
                selected.Add(ticker.Symbol);
            }
        }

        return selected;
    }

    private static int ByTurnoverThenSymbol(Ticker x, Ticker y)
    {
        var byTurnover = y.Turnover24h.CompareTo(x.Turnover24h);
        return byTurnover != 0 ? byTurnover : string.CompareOrdinal(x.Symbol.Value, y.Symbol.Value);
    }

    private static HashSet<string> TopGainers(List<Ticker> candidates, GainersFilterConfig filter)
    {
        var qualifying = candidates.FindAll(ticker => ticker.PriceChange24hPercent >= filter.Min24hChangePct);
        qualifying.Sort((x, y) => Tiebroken(y.PriceChange24hFraction.CompareTo(x.PriceChange24hFraction), x, y));
        return Symbols(qualifying, filter.TopNGainers);
    }

    private static HashSet<string> TopLosers(List<Ticker> candidates, LosersFilterConfig filter)
    {
        var qualifying = candidates.FindAll(ticker => ticker.PriceChange24hPercent <= filter.Max24hChangePct);
        qualifying.Sort((x, y) => Tiebroken(x.PriceChange24hFraction.CompareTo(y.PriceChange24hFraction), x, y));
        return Symbols(qualifying, filter.TopNLosers);
    }

    private static int Tiebroken(int comparison, Ticker x, Ticker y) =>
        comparison != 0 ? comparison : string.CompareOrdinal(x.Symbol.Value, y.Symbol.Value);

    private static HashSet<string> Symbols(List<Ticker> ordered, int count)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count && i < count; i++)
        {
            symbols.Add(ordered[i].Symbol.Value);
        }

        return symbols;
    }
}
