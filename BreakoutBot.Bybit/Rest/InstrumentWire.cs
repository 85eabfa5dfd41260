using System.Globalization;
using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Bybit.Rest;

/// <summary>
/// An instrument in Bybit's <c>/v5/market/instruments-info</c> (linear) list layout, numbers as strings: what the
/// simulator serves and what <c>breakoutbot data export-sim</c> writes to <c>instruments.json</c>, and what
/// <see cref="MarketDataParsers"/> reads back.
/// </summary>
public static class InstrumentWire
{
    public static object Of(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new
        {
            symbol = instrument.Symbol.Value,
            contractType = "LinearPerpetual",
            status = instrument.Status.ToString(),
            baseCoin = instrument.BaseCoin,
            quoteCoin = instrument.QuoteCoin,
            settleCoin = "USDT",
            leverageFilter = new { minLeverage = "1", maxLeverage = Number(instrument.MaxLeverage), leverageStep = "0.01" },
            priceFilter = new { minPrice = Number(instrument.MinPrice), maxPrice = Number(instrument.MaxPrice), tickSize = Number(instrument.TickSize) },
            lotSizeFilter = new
            {
                maxOrderQty = Number(instrument.MaxOrderQty),
                minOrderQty = Number(instrument.MinOrderQty),
                qtyStep = Number(instrument.QtyStep),
                maxMktOrderQty = Number(instrument.MaxMarketOrderQty),
                minNotionalValue = Number(instrument.MinNotionalValue),
            },
            fundingInterval = 480,
        };
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
