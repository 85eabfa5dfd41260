using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Scanner.Market;

/// <summary>
/// Which symbols the scanner follows: trading USDT perpetuals, narrowed by the preset's whitelist and blacklist
/// (Bybit symbols), then the top N by 24h turnover when the preset asks for it.
/// </summary>
public static class UniverseSelector
{
    public static IReadOnlyList<Instrument> Select(IReadOnlyList<Instrument> instruments, IReadOnlyList<Ticker> tickers, ScannerConfig config)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(config);
        var whitelist = config.SymbolWhitelist?.ToHashSet(StringComparer.Ordinal);
        var blacklist = config.SymbolBlacklist?.ToHashSet(StringComparer.Ordinal) ?? [];
        var turnover = tickers.ToDictionary(ticker => ticker.Symbol, ticker => ticker.Turnover24h);

        var selected = instruments
            .Where(instrument => instrument.IsTrading && instrument.QuoteCoin == "USDT")
            .Where(instrument => whitelist is null || whitelist.Contains(instrument.Symbol.Value))
            .Where(instrument => !blacklist.Contains(instrument.Symbol.Value))
            .OrderByDescending(instrument => turnover.GetValueOrDefault(instrument.Symbol))
            .ThenBy(instrument => instrument.Symbol.Value, StringComparer.Ordinal);
        return config.TopNByVolume is { } top ? [.. selected.Take(top)] : [.. selected];
    }
}
