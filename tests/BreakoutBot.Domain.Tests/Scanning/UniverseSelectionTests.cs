using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Presets;
using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class UniverseSelectionTests
{
    private static readonly Ticker[] Tickers =
    [
        TickerOf("AUSDT", turnover: 10m, changePercent: 12m),
        TickerOf("BUSDT", turnover: 50m, changePercent: -8m),
        TickerOf("CUSDT", turnover: 30m, changePercent: 9m),
        TickerOf("DUSDT", turnover: 30m, changePercent: 1m),
        TickerOf("EUSDT", turnover: 20m, changePercent: -2m),
    ];

    [Fact]
    public void Select_NoRestrictions_AllByTurnoverThenSymbol()
    {
        var selected = UniverseSelection.Select(Tickers, Scanner(10, (ScoreComponent.VolSurge, 1m)));

        Assert.Equal(["BUSDT", "CUSDT", "DUSDT", "EUSDT", "AUSDT"], Names(selected));
    }

    [Fact]
    public void Select_WhitelistBlacklistAndTopN_AppliedInOrder()
    {
        var scanner = Scanner(10, (ScoreComponent.VolSurge, 1m)) with
        {
            SymbolWhitelist = ["AUSDT", "BUSDT", "CUSDT", "DUSDT"],
            SymbolBlacklist = ["BUSDT"],
            TopNByVolume = 2,
        };

        Assert.Equal(["CUSDT", "DUSDT"], Names(UniverseSelection.Select(Tickers, scanner)));
    }

    [Fact]
    public void Select_GainersEnabled_KeepsTopGainersAboveMinimum()
    {
        var scanner = Scanner(10, (ScoreComponent.VolSurge, 1m)) with
        {
            GainersFilter = new GainersFilterConfig { Enabled = true, Min24hChangePct = 5m, TopNGainers = 1 },
        };

        Assert.Equal(["AUSDT"], Names(UniverseSelection.Select(Tickers, scanner)));
    }

    [Fact]
    public void Select_LosersEnabled_KeepsSymbolsAtOrBelowMaximum()
    {
        var scanner = Scanner(10, (ScoreComponent.VolSurge, 1m)) with
        {
            LosersFilter = new LosersFilterConfig { Enabled = true, Max24hChangePct = -2m, TopNLosers = 5 },
        };

        Assert.Equal(["BUSDT", "EUSDT"], Names(UniverseSelection.Select(Tickers, scanner)));
    }

    [Fact]
    public void Select_DisabledGainersFilter_RestrictsNothing()
    {
        var scanner = Scanner(10, (ScoreComponent.VolSurge, 1m)) with
        {
            GainersFilter = new GainersFilterConfig { Enabled = false, Min24hChangePct = 50m, TopNGainers = 1 },
        };

        Assert.Equal(5, UniverseSelection.Select(Tickers, scanner).Count);
    }

    private static string[] Names(IReadOnlyList<InstrumentSymbol> symbols) => [.. symbols.Select(symbol => symbol.Value)];

    private static Ticker TickerOf(string symbol, decimal turnover, decimal changePercent) =>
        Ticker(turnover24h: turnover) with { Symbol = Symbol(symbol), PriceChange24hFraction = changePercent / 100 };
}
