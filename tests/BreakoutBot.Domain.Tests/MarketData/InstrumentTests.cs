using System.Globalization;
using BreakoutBot.Domain.MarketData;
using CsCheck;

namespace BreakoutBot.Domain.Tests.MarketData;

public class InstrumentTests
{
    [Fact]
    public void FloorQuantityToStep_JustBelowNextStep_RoundsDown()
    {
        var quantity = Linear(qtyStep: 0.001m).FloorQuantityToStep(0.0199m);

        Assert.Equal(0.019m, quantity);
        Assert.Equal("0.019", quantity.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("5", "0.001", "5.000")]
    [InlineData("0.01", "0.001", "0.010")]
    [InlineData("123.456", "1", "123")]
    [InlineData("7.3", "0.5", "7.0")]
    [InlineData("0.0009", "0.001", "0.000")]
    public void FloorQuantityToStep_Value_FormatsWithStepDecimals(string raw, string step, string expected)
    {
        var quantity = Linear(qtyStep: decimal.Parse(step, CultureInfo.InvariantCulture))
            .FloorQuantityToStep(decimal.Parse(raw, CultureInfo.InvariantCulture));

        Assert.Equal(expected, quantity.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0.01", "100.004", "100.00", "100.00", "100.01")]
    [InlineData("0.01", "100.005", "100.01", "100.00", "100.01")]
    [InlineData("0.01", "100.01", "100.01", "100.01", "100.01")]
    [InlineData("0.5", "100.24", "100.0", "100.0", "100.5")]
    [InlineData("0.5", "100.25", "100.5", "100.0", "100.5")]
    [InlineData("0.5", "100.26", "100.5", "100.0", "100.5")]
    [InlineData("0.5", "100.5", "100.5", "100.5", "100.5")]
    [InlineData("0.10", "66666.65", "66666.70", "66666.60", "66666.70")]
    public void PriceSnapping_OffTickPrice_NearestFloorAndCeiling(string tick, string price, string nearest, string floor, string ceiling)
    {
        var instrument = Linear(tickSize: decimal.Parse(tick, CultureInfo.InvariantCulture));
        var raw = decimal.Parse(price, CultureInfo.InvariantCulture);

        Assert.Equal(nearest, instrument.RoundPriceToTick(raw).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(floor, instrument.FloorPriceToTick(raw).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ceiling, instrument.CeilingPriceToTick(raw).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CheckOrderSize_NotionalJustBelowMinimum_ReportsNotional()
    {
        // 0.001 BTC at 4999.9 is 4.9999 USDT, below the 5 USDT minimum.
        Assert.Equal(InstrumentRuleViolation.NotionalBelowMinimum, Linear().CheckOrderSize(0.001m, 4999.9m, isMarketOrder: false));
    }

    [Fact]
    public void CheckOrderSize_NotionalExactlyMinimum_Passes()
    {
        Assert.Equal(InstrumentRuleViolation.None, Linear().CheckOrderSize(0.002m, 2500m, isMarketOrder: false));
    }

    [Theory]
    [InlineData("0", false, InstrumentRuleViolation.QuantityNotPositive)]
    [InlineData("-0.001", false, InstrumentRuleViolation.QuantityNotPositive)]
    [InlineData("0.0015", false, InstrumentRuleViolation.QuantityNotOnLotStep)]
    [InlineData("0.005", false, InstrumentRuleViolation.QuantityBelowMinimum)]
    [InlineData("600", false, InstrumentRuleViolation.None)]
    [InlineData("600", true, InstrumentRuleViolation.QuantityAboveMaximum)]
    [InlineData("1190.001", false, InstrumentRuleViolation.QuantityAboveMaximum)]
    [InlineData("0.01", true, InstrumentRuleViolation.None)]
    public void CheckOrderSize_Quantity_ReportsFirstBrokenRule(string quantity, bool isMarketOrder, InstrumentRuleViolation expected)
    {
        var instrument = Linear(minOrderQty: 0.01m);

        Assert.Equal(expected, instrument.CheckOrderSize(decimal.Parse(quantity, CultureInfo.InvariantCulture), 66666.6m, isMarketOrder));
    }

    [Theory]
    [InlineData("66666.6", InstrumentRuleViolation.None)]
    [InlineData("66666.65", InstrumentRuleViolation.PriceNotOnTick)]
    [InlineData("0", InstrumentRuleViolation.PriceNotPositive)]
    [InlineData("0.1", InstrumentRuleViolation.None)]
    [InlineData("1999999.8", InstrumentRuleViolation.None)]
    [InlineData("1999999.9", InstrumentRuleViolation.PriceAboveMaximum)]
    public void CheckPrice_Price_ReportsRule(string price, InstrumentRuleViolation expected)
    {
        Assert.Equal(expected, Linear().CheckPrice(decimal.Parse(price, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void CheckPrice_BelowMinimumButOnTick_ReportsBelowMinimum()
    {
        Assert.Equal(InstrumentRuleViolation.PriceBelowMinimum, Linear(minPrice: 1m).CheckPrice(0.5m));
    }

    [Theory]
    [InlineData("66666.6", "0.001")]
    [InlineData("1000", "0.005")]
    [InlineData("3000", "0.002")]
    [InlineData("4999.9", "0.002")]
    public void MinimumQuantityAt_Price_SmallestQuantityPassingAllChecks(string price, string expected)
    {
        var quantity = Linear().MinimumQuantityAt(decimal.Parse(price, CultureInfo.InvariantCulture));

        Assert.Equal(expected, quantity.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Constructor_ZeroTickSize_ThrowsNamingTickSize()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Linear(tickSize: 0m));

        Assert.Equal("tickSize", error.ParamName);
    }

    [Fact]
    public void Constructor_MaxQtyBelowMinQty_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Linear(minOrderQty: 2000m));

        Assert.Equal("maxOrderQty", error.ParamName);
    }

    [Fact]
    public void IsTrading_PreLaunch_IsFalse()
    {
        Assert.False(Linear(status: ContractStatus.PreLaunch).IsTrading);
        Assert.True(Linear().IsTrading);
    }

    [Fact]
    public void FloorQuantityToStep_AnyQuantity_IsMultipleAtMostOneStepBelow()
    {
        Gen.Select(Gen.Long[0, 10_000_000_000L], Gen.Int[0, 8], Gen.Int[1, 25], Gen.Int[0, 6])
            .Sample((units, scale, stepUnits, stepScale) =>
            {
                var raw = new decimal(units) / Pow10(scale);
                var step = stepUnits / Pow10(stepScale);
                var floored = Linear(qtyStep: step, minOrderQty: step).FloorQuantityToStep(raw);

                return floored <= raw && raw - floored < step && floored % step == 0;
            });
    }

    [Fact]
    public void PriceSnapping_AnyPrice_FloorAtMostNearestAtMostCeilingWithinOneTick()
    {
        Gen.Select(Gen.Long[1, 10_000_000_000L], Gen.Int[0, 8], Gen.Int[1, 50], Gen.Int[0, 5])
            .Sample((units, scale, tickUnits, tickScale) =>
            {
                var price = new decimal(units) / Pow10(scale);
                var tick = tickUnits / Pow10(tickScale);
                var instrument = Linear(tickSize: tick, minPrice: 0m, maxPrice: 1e12m);
                var floor = instrument.FloorPriceToTick(price);
                var nearest = instrument.RoundPriceToTick(price);
                var ceiling = instrument.CeilingPriceToTick(price);

                return floor <= price && price <= ceiling && ceiling - floor <= tick
                    && (nearest == floor || nearest == ceiling) && Math.Abs(nearest - price) * 2 <= tick
                    && instrument.IsOnTick(floor) && instrument.IsOnTick(ceiling);
            });
    }

    [Fact]
    public void MinimumQuantityAt_AnyPrice_PassesAndOneStepLessDoesNot()
    {
        Gen.Select(Gen.Long[1, 100_000_000L], Gen.Int[0, 6])
            .Sample((units, scale) =>
            {
                var instrument = Linear();
                var price = new decimal(units) / Pow10(scale);
                var quantity = instrument.MinimumQuantityAt(price);
                var smaller = quantity - instrument.QtyStep;

                return instrument.CheckOrderSize(quantity, price, isMarketOrder: false) == InstrumentRuleViolation.None
                    && (smaller < instrument.MinOrderQty || smaller * price < instrument.MinNotionalValue);
            });
    }

    private static decimal Pow10(int exponent) => new(Math.Pow(10, exponent));

    /// <summary>Bybit's BTCUSDT filters from refdata/bybit/samples/rest/market_instruments-info_linear.json, unless overridden.</summary>
    private static Instrument Linear(
        decimal tickSize = 0.10m,
        decimal qtyStep = 0.001m,
        decimal minOrderQty = 0.001m,
        decimal minPrice = 0.10m,
        decimal maxPrice = 1999999.80m,
        ContractStatus status = ContractStatus.Trading) =>
        new(
            InstrumentSymbol.Parse("BTCUSDT"),
            baseCoin: "BTC",
            quoteCoin: "USDT",
            status,
            tickSize,
            minPrice,
            maxPrice,
            qtyStep,
            minOrderQty,
            maxOrderQty: 1190.000m,
            maxMarketOrderQty: 500.000m,
            minNotionalValue: 5m,
            maxLeverage: 100.00m);
}
