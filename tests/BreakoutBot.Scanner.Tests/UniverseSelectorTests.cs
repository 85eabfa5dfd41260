using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Simulation;
using BreakoutBot.Scanner.Market;

namespace BreakoutBot.Scanner.Tests;

public sealed class UniverseSelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Select_TopNByVolume_KeepsHighestTurnover()
    {
        var (instruments, tickers) = Market();
        var config = Presets.Default.ScannerConfig with { TopNByVolume = 3, SymbolWhitelist = null, SymbolBlacklist = null };

        var selected = UniverseSelector.Select(instruments, tickers, config);

        var expected = tickers.OrderByDescending(ticker => ticker.Turnover24h).Take(3).Select(ticker => ticker.Symbol);
        Assert.Equal(expected, selected.Select(instrument => instrument.Symbol));
    }

    [Fact]
    public void Select_WhitelistAndBlacklist_AreAppliedBySymbol()
    {
        var (instruments, tickers) = Market();
        var names = instruments.Select(instrument => instrument.Symbol.Value).ToList();
        var config = Presets.Default.ScannerConfig with { TopNByVolume = null, SymbolWhitelist = [names[0], names[1], names[2]], SymbolBlacklist = [names[1]] };

        var selected = UniverseSelector.Select(instruments, tickers, config);

        Assert.Equal(new[] { names[0], names[2] }.Order(StringComparer.Ordinal), selected.Select(instrument => instrument.Symbol.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Select_InstrumentNotTrading_LeavesTheUniverse()
    {
        var (instruments, tickers) = Market();
        var halted = instruments[0];
        var withHalted = instruments.Skip(1).Append(Halted(halted)).ToList();
        var config = Presets.Default.ScannerConfig with { TopNByVolume = null, SymbolWhitelist = null, SymbolBlacklist = null };

        var selected = UniverseSelector.Select(withHalted, tickers, config);

        Assert.DoesNotContain(selected, instrument => instrument.Symbol == halted.Symbol);
        Assert.Equal(instruments.Count - 1, selected.Count);
    }

    private static Instrument Halted(Instrument instrument) => new(
        instrument.Symbol, instrument.BaseCoin, instrument.QuoteCoin, ContractStatus.Closed, instrument.TickSize, instrument.MinPrice, instrument.MaxPrice,
        instrument.QtyStep, instrument.MinOrderQty, instrument.MaxOrderQty, instrument.MaxMarketOrderQty, instrument.MinNotionalValue, instrument.MaxLeverage);

    private static (IReadOnlyList<Instrument> Instruments, IReadOnlyList<Ticker> Tickers) Market()
    {
        var symbols = SyntheticUniverse.Default.Take(8).ToList();
        var market = new SyntheticMarket(3, Now, symbols);
        var tickers = market.Instruments.Select((instrument, index) => new Ticker
        {
            Symbol = instrument.Symbol,
            Time = Now,
            LastPrice = 1,
            MarkPrice = 1,
            IndexPrice = 1,
            HighPrice24h = 1,
            LowPrice24h = 1,
            Volume24h = 1,
            Turnover24h = (index * 7919 % 13) + 1,
            PriceChange24hFraction = 0,
            OpenInterest = 1,
            OpenInterestValue = 1,
        }).ToList();
        return (market.Instruments, tickers);
    }
}
