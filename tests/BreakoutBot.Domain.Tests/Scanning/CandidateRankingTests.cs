using BreakoutBot.Domain.Scanning;
using static BreakoutBot.Domain.Tests.Scanning.ScanningTestData;

namespace BreakoutBot.Domain.Tests.Scanning;

public class CandidateRankingTests
{
    [Fact]
    public void Rank_MixedEvaluations_OnlyPassingSymbolsByScoreDescending()
    {
        SymbolEvaluation[] evaluations =
        [
            Evaluation("AUSDT", 0.5, passed: true),
            Evaluation("BUSDT", 2.0, passed: false),
            Evaluation("CUSDT", 1.5, passed: true),
            Evaluation("DUSDT", -1.0, passed: true),
        ];

        var ranked = CandidateRanking.Rank(evaluations, maxCandidates: 10);

        Assert.Equal(["CUSDT", "AUSDT", "DUSDT"], ranked.Select(candidate => candidate.Symbol.Value));
        Assert.Equal([1, 2, 3], ranked.Select(candidate => candidate.Rank));
        Assert.Equal(1.5, ranked[0].Score);
    }

    [Fact]
    public void Rank_MoreThanMaxCandidates_KeepsTheBest()
    {
        var evaluations = Enumerable.Range(0, 8).Select(i => Evaluation($"S{i}USDT", i, passed: true)).ToArray();

        var ranked = CandidateRanking.Rank(evaluations, maxCandidates: 3);

        Assert.Equal(["S7USDT", "S6USDT", "S5USDT"], ranked.Select(candidate => candidate.Symbol.Value));
    }

    [Fact]
    public void Rank_EqualScores_TieBrokenBySymbolWhateverTheInputOrder()
    {
        SymbolEvaluation[] evaluations = [Evaluation("XUSDT", 1, true), Evaluation("AUSDT", 1, true), Evaluation("MUSDT", 1, true)];

        var ranked = CandidateRanking.Rank(evaluations, 2);
        var reversed = CandidateRanking.Rank([.. evaluations.Reverse()], 2);

        Assert.Equal(["AUSDT", "MUSDT"], ranked.Select(candidate => candidate.Symbol.Value));
        Assert.Equal(ranked, reversed);
    }

    [Fact]
    public void Rank_NothingPasses_IsEmpty()
    {
        Assert.Empty(CandidateRanking.Rank([Evaluation("AUSDT", 3, passed: false)], 5));
    }

    [Fact]
    public void Rank_MaxCandidatesZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CandidateRanking.Rank([], 0));
    }

    private static SymbolEvaluation Evaluation(string symbol, double score, bool passed)
    {
        var metrics = PassingMetrics(Symbol(symbol));
        FilterResult[] filters = [new(ScanFilterNames.MaxSpreadBps, 1m, 30m, passed, passed ? "ok" : "wide")];
        return new SymbolEvaluation(metrics, filters, new SymbolScore(metrics.Symbol, score, []));
    }
}
