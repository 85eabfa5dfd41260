namespace BreakoutBot.Domain.Presets.Loading;

/// <summary>
/// Symbol spelling for Bybit V5 USDT perpetuals (<c>BTCUSDT</c>, <c>1000PEPEUSDT</c>). The original presets mixed
/// ccxt perp symbols (<c>BTC/USDT:USDT</c>), spot symbols (<c>BTC/USDT</c>, <c>USDT/USD</c>) and exchange ids, and
/// matched them by exact string, so most of those lists silently matched nothing.
/// </summary>
internal static class BybitSymbolRules
{
    private const string Quote = "USDT";
    private const int MaxLength = 30;

    public static bool IsUsdtPerpetual(string symbol) =>
        symbol.Length > Quote.Length &&
        symbol.Length <= MaxLength &&
        symbol.EndsWith(Quote, StringComparison.Ordinal) &&
        symbol.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>Why <paramref name="symbol"/> is not accepted, with the Bybit spelling when one can be derived.</summary>
    public static string Explain(string symbol)
    {
        const string Expected = "expected a Bybit USDT perpetual symbol: upper-case letters and digits ending in USDT, e.g. BTCUSDT";
        var slash = symbol.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var baseAsset = symbol[..slash];
            var quote = symbol[(slash + 1)..].Split(':')[0];
            if (string.Equals(quote, Quote, StringComparison.OrdinalIgnoreCase))
            {
                var suggestion = baseAsset.ToUpperInvariant() + Quote;
                if (IsUsdtPerpetual(suggestion))
                {
                    return $"'{symbol}' is a ccxt symbol; write it as Bybit does: '{suggestion}'";
                }
            }

            return $"'{symbol}' is not a USDT perpetual (a {quote} pair); {Expected}";
        }

        var upper = symbol.ToUpperInvariant();
        if (!string.Equals(upper, symbol, StringComparison.Ordinal) && IsUsdtPerpetual(upper))
        {
            return $"'{symbol}' must be upper-case: '{upper}'";
        }

        return $"'{symbol}' is not valid; {Expected}";
    }
}
