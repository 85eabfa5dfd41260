using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class MarketScanTests
{
    [Fact]
    public void Run_Universe_EvaluatesAllAndRanksOnlyPassingUpToMaxCandidates()
    {
        var preset = ScanningPresets.BreakoutV1();
        preset = preset with { ScannerConfig = preset.ScannerConfig with { MaxCandidates = 2 } };
        var universe = Universe();

        var result = MarketScan.Run(universe, preset);

        Assert.Equal(universe.Length, result.Evaluations.Count);
        Assert.Equal(2, result.Candidates.Count);
        Assert.All(result.Candidates, candidate => Assert.True(candidate.Evaluation.PassedAllFilters));
        Assert.DoesNotContain(result.Candidates, candidate => candidate.Symbol.Value == "NODATAUSDT");
        Assert.True(result.Candidates[0].Score >= result.Candidates[1].Score);
        // Evaluations come best score first, for display.
        Assert.Equal(result.Evaluations.OrderByDescending(e => e.Score.Total).Select(e => e.Score.Total), result.Evaluations.Select(e => e.Score.Total));
    }

    [Fact]
    public void Run_SameUniverseInAnyOrder_SameCandidatesAndScores()
    {
        var preset = ScanningPresets.BreakoutV1();
        var universe = Universe();

        var first = MarketScan.Run(universe, preset);
        var second = MarketScan.Run([.. universe.Reverse()], preset);

        Assert.Equal(first.Candidates.Select(c => (c.Rank, c.Symbol, c.Score)), second.Candidates.Select(c => (c.Rank, c.Symbol, c.Score)));
        Assert.Equal(first.Evaluations.Select(e => e.Symbol), second.Evaluations.Select(e => e.Symbol));
        Assert.Equal(first.Evaluations.SelectMany(e => e.Filters), second.Evaluations.SelectMany(e => e.Filters));
    }

    [Fact]
    public void Run_SymbolWithoutData_IsEvaluatedAndFailsWithNoData()
    {
        var result = MarketScan.Run(Universe(), ScanningPresets.BreakoutV1());

        var noData = result.Evaluations.Single(e => e.Symbol.Value == "NODATAUSDT");
        Assert.False(noData.PassedAllFilters);
        Assert.All(noData.Filters, filter => Assert.Equal(ScanFilterNames.NoData, filter.Reason));
    }

    private static MarketMetrics[] Universe() =>
    [
        PassingMetrics(Symbol("AUSDT")) with { TradesPerMinute = 30, VolumeSurge5m = 4 },
        PassingMetrics(Symbol("BUSDT")) with { TradesPerMinute = 5 },
        PassingMetrics(Symbol("CUSDT")) with { AtrToPrice = 0.06 },
        PassingMetrics(Symbol("DUSDT")) with { BtcCorrelation = 0.95, TradesPerMinute = 8 },
        new MarketMetrics { Symbol = Symbol("NODATAUSDT"), EvaluatedAt = Start },
    ];
}
