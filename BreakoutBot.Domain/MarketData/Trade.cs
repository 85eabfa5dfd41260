namespace BreakoutBot.Domain.MarketData;

/// <summary>A public trade print (<c>/v5/market/recent-trade</c>, <c>publicTrade.{symbol}</c>).</summary>
public sealed record Trade
{
    /// <param name="tradeId">Bybit's <c>execId</c> / <c>i</c>.</param>
    /// <param name="isBlockTrade">Negotiated off-book; excluded from activity measures because it did not cross the book.</param>
    public Trade(InstrumentSymbol symbol, string tradeId, DateTimeOffset time, decimal price, decimal size, TakerSide takerSide, bool isBlockTrade)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tradeId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Symbol = symbol;
        TradeId = tradeId;
        Time = time.ToUniversalTime();
        Price = price;
        Size = size;
        TakerSide = takerSide;
        IsBlockTrade = isBlockTrade;
    }

    public InstrumentSymbol Symbol { get; }

    public string TradeId { get; }

    /// <summary>Execution time, UTC.</summary>
    public DateTimeOffset Time { get; }

    public decimal Price { get; }

    /// <summary>Quantity in the base coin.</summary>
    public decimal Size { get; }

    public TakerSide TakerSide { get; }

    public bool IsBlockTrade { get; }

    /// <summary>Price × size, in the quote coin.</summary>
    public decimal Notional => Price * Size;
}
