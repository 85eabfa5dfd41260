namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// A 24-hour ticker for a linear contract (<c>/v5/market/tickers</c>, <c>tickers.{symbol}</c> after merging deltas).
/// Quantities are in the base coin and values in the quote coin. Fields Bybit can send empty are nullable.
/// </summary>
public sealed record Ticker
{
    public required InstrumentSymbol Symbol { get; init; }

    /// <summary>When the venue produced these values.</summary>
    public required DateTimeOffset Time { get; init; }

    public required decimal LastPrice { get; init; }

    /// <summary>The price Bybit marks positions and triggers liquidations at.</summary>
    public required decimal MarkPrice { get; init; }

    public required decimal IndexPrice { get; init; }

    /// <summary>Best bid; null when the book has no bids.</summary>
    public decimal? Bid1Price { get; init; }

    public decimal Bid1Size { get; init; }

    /// <summary>Best ask; null when the book has no asks.</summary>
    public decimal? Ask1Price { get; init; }

    public decimal Ask1Size { get; init; }

    public required decimal HighPrice24h { get; init; }

    public required decimal LowPrice24h { get; init; }

    /// <summary>Traded quantity over 24 h, in the base coin.</summary>
    public required decimal Volume24h { get; init; }

    /// <summary>Traded value over 24 h, in the quote coin: the "24 h volume in USD" the scanner ranks by.</summary>
    public required decimal Turnover24h { get; init; }

    /// <summary>Bybit's <c>price24hPcnt</c>, which despite its name is a fraction: −0.158315 means −15.8315 %.</summary>
    public required decimal PriceChange24hFraction { get; init; }

    /// <summary>Open interest in the base coin.</summary>
    public required decimal OpenInterest { get; init; }

    /// <summary>Open interest in the quote coin.</summary>
    public required decimal OpenInterestValue { get; init; }

    /// <summary>The current funding rate as a fraction per funding interval (0.0001 = 0.01 %); null for dated futures.</summary>
    public decimal? FundingRate { get; init; }

    /// <summary>Null when Bybit sends <c>0</c> (no funding, e.g. dated futures).</summary>
    public DateTimeOffset? NextFundingTime { get; init; }

    public decimal PriceChange24hPercent => PriceChange24hFraction * 100;

    public decimal? MidPrice => Bid1Price is { } bid && Ask1Price is { } ask ? (bid + ask) / 2 : null;

    /// <summary>Top-of-book spread relative to the mid, in basis points; null without both a bid and an ask.</summary>
    public decimal? SpreadBps => MidPrice is { } mid && mid > 0 ? (Ask1Price!.Value - Bid1Price!.Value) / mid * 10_000m : null;
}
