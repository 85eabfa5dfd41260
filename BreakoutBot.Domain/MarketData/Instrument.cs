using System.Globalization;

namespace BreakoutBot.Domain.MarketData;

/// <summary>
/// A Bybit linear contract and its trading filters (<c>/v5/market/instruments-info</c>): what prices and
/// quantities the venue accepts, and the exact decimal rounding that makes an order acceptable.
/// </summary>
/// <remarks>
/// The constructor checks every filter, and the properties are get-only so <c>with</c> cannot bypass the checks.
/// </remarks>
public sealed record Instrument
{
    public Instrument(
        InstrumentSymbol symbol,
        string baseCoin,
        string quoteCoin,
        ContractStatus status,
        decimal tickSize,
        decimal minPrice,
        decimal maxPrice,
        decimal qtyStep,
        decimal minOrderQty,
        decimal maxOrderQty,
        decimal maxMarketOrderQty,
        decimal minNotionalValue,
        decimal maxLeverage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseCoin);
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteCoin);
        if (symbol.Value.Length == 0)
        {
            throw new ArgumentException("An instrument needs a symbol.", nameof(symbol));
        }

        RequirePositive(tickSize, nameof(tickSize));
        RequirePositive(qtyStep, nameof(qtyStep));
        RequirePositive(minOrderQty, nameof(minOrderQty));
        RequirePositive(maxOrderQty, nameof(maxOrderQty));
        RequirePositive(maxMarketOrderQty, nameof(maxMarketOrderQty));
        RequirePositive(maxLeverage, nameof(maxLeverage));
        ArgumentOutOfRangeException.ThrowIfNegative(minPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(minNotionalValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPrice, minPrice);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrderQty, minOrderQty);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMarketOrderQty, minOrderQty);

        Symbol = symbol;
        BaseCoin = baseCoin;
        QuoteCoin = quoteCoin;
        Status = status;
        TickSize = tickSize;
        MinPrice = minPrice;
        MaxPrice = maxPrice;
        QtyStep = qtyStep;
        MinOrderQty = minOrderQty;
        MaxOrderQty = maxOrderQty;
        MaxMarketOrderQty = maxMarketOrderQty;
        MinNotionalValue = minNotionalValue;
        MaxLeverage = maxLeverage;
    }

    public InstrumentSymbol Symbol { get; }

    /// <summary>The coin quantities are counted in, e.g. <c>BTC</c>.</summary>
    public string BaseCoin { get; }

    /// <summary>The coin prices and notionals are in, e.g. <c>USDT</c>.</summary>
    public string QuoteCoin { get; }

    public ContractStatus Status { get; }

    public bool IsTrading => Status == ContractStatus.Trading;

    /// <summary><c>priceFilter.tickSize</c>: every price must be a multiple of it.</summary>
    public decimal TickSize { get; }

    public decimal MinPrice { get; }

    public decimal MaxPrice { get; }

    /// <summary><c>lotSizeFilter.qtyStep</c>: every quantity must be a multiple of it.</summary>
    public decimal QtyStep { get; }

    public decimal MinOrderQty { get; }

    /// <summary>Maximum quantity of a limit order (<c>lotSizeFilter.maxOrderQty</c>).</summary>
    public decimal MaxOrderQty { get; }

    /// <summary>Maximum quantity of a market order (<c>lotSizeFilter.maxMktOrderQty</c>), usually below <see cref="MaxOrderQty"/>.</summary>
    public decimal MaxMarketOrderQty { get; }

    /// <summary>Smallest quantity × price the venue accepts, in <see cref="QuoteCoin"/>.</summary>
    public decimal MinNotionalValue { get; }

    public decimal MaxLeverage { get; }

    /// <summary>The tick multiple nearest to <paramref name="price"/>; an exact half tick rounds up.</summary>
    public decimal RoundPriceToTick(decimal price) => DecimalStep.Nearest(price, TickSize);

    /// <summary>The highest tick multiple at or below <paramref name="price"/>, e.g. for a sell stop.</summary>
    public decimal FloorPriceToTick(decimal price) => DecimalStep.Floor(price, TickSize);

    /// <summary>The lowest tick multiple at or above <paramref name="price"/>, e.g. for a buy stop or breakout entry.</summary>
    public decimal CeilingPriceToTick(decimal price) => DecimalStep.Ceiling(price, TickSize);

    /// <summary>
    /// Rounds a quantity down to the lot step, so sizing never exceeds the risk it was computed for.
    /// The result has as many decimals as <see cref="QtyStep"/> (<c>0.0199</c> → <c>0.019</c> for step <c>0.001</c>).
    /// </summary>
    public decimal FloorQuantityToStep(decimal quantity) => DecimalStep.Floor(quantity, QtyStep);

    public bool IsOnTick(decimal price) => DecimalStep.IsMultiple(price, TickSize);

    public bool IsOnLotStep(decimal quantity) => DecimalStep.IsMultiple(quantity, QtyStep);

    public decimal MaxQuantityFor(bool isMarketOrder) => isMarketOrder ? MaxMarketOrderQty : MaxOrderQty;

    /// <summary>
    /// The smallest quantity on the lot step that meets both <see cref="MinOrderQty"/> and
    /// <see cref="MinNotionalValue"/> at <paramref name="price"/>.
    /// </summary>
    public decimal MinimumQuantityAt(decimal price)
    {
        RequirePositive(price, nameof(price));
        var quantity = DecimalStep.Ceiling(Math.Max(MinOrderQty, MinNotionalValue / price), QtyStep);

        // The division rounds at 28 digits; if that rounding landed exactly on a step, one more step is needed.
        return quantity * price < MinNotionalValue ? quantity + QtyStep : quantity;
    }

    public InstrumentRuleViolation CheckPrice(decimal price)
    {
        if (price <= 0)
        {
            return InstrumentRuleViolation.PriceNotPositive;
        }

        if (!IsOnTick(price))
        {
            return InstrumentRuleViolation.PriceNotOnTick;
        }

        if (price < MinPrice)
        {
            return InstrumentRuleViolation.PriceBelowMinimum;
        }

        return price > MaxPrice ? InstrumentRuleViolation.PriceAboveMaximum : InstrumentRuleViolation.None;
    }

    public InstrumentRuleViolation CheckQuantity(decimal quantity, bool isMarketOrder)
    {
        if (quantity <= 0)
        {
            return InstrumentRuleViolation.QuantityNotPositive;
        }

        if (!IsOnLotStep(quantity))
        {
            return InstrumentRuleViolation.QuantityNotOnLotStep;
        }

        if (quantity < MinOrderQty)
        {
            return InstrumentRuleViolation.QuantityBelowMinimum;
        }

        return quantity > MaxQuantityFor(isMarketOrder) ? InstrumentRuleViolation.QuantityAboveMaximum : InstrumentRuleViolation.None;
    }

    /// <summary>
    /// Checks quantity, then notional at <paramref name="price"/> (for a market order, the expected fill price).
    /// The price itself is not checked against the tick, because a market order's reference price need not be on it.
    /// </summary>
    public InstrumentRuleViolation CheckOrderSize(decimal quantity, decimal price, bool isMarketOrder)
    {
        var quantityViolation = CheckQuantity(quantity, isMarketOrder);
        if (quantityViolation != InstrumentRuleViolation.None)
        {
            return quantityViolation;
        }

        if (price <= 0)
        {
            return InstrumentRuleViolation.PriceNotPositive;
        }

        return quantity * price < MinNotionalValue ? InstrumentRuleViolation.NotionalBelowMinimum : InstrumentRuleViolation.None;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Symbol} ({Status}, tick {TickSize}, step {QtyStep}, min notional {MinNotionalValue} {QuoteCoin})");

    private static void RequirePositive(decimal value, string paramName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be positive.");
        }
    }
}
