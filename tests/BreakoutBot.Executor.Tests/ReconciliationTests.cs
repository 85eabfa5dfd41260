using BreakoutBot.Bybit.Rest;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Trading;

namespace BreakoutBot.Executor.Tests;

/// <summary>Reconciliation's comparison of our books with the venue's positions, and which differences are reported again.</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public void SameSizes_FindNothing_AcrossSeveralOfOurPositionsInOneSymbolAndShorts()
    {
        var ours = new[] { Ours("p1", "BTCUSDT", PositionRecordStatus.Open, 0.5m), Ours("p2", "BTCUSDT", PositionRecordStatus.Closing, 0.25m), Ours("p3", "ETHUSDT", PositionRecordStatus.Open, 2m, PositionDirection.Short) };
        var venue = new[] { Venue("BTCUSDT", 0.75m), Venue("ETHUSDT", 2m, PositionDirection.Short) };

        Assert.Empty(PositionComparison.Compare(ours, venue));
    }

    [Fact]
    public void ADifferentSize_IsReportedAgainstOurPosition_WithSignedQuantities()
    {
        var ours = new[] { Ours("p1", "ETHUSDT", PositionRecordStatus.Open, 2m, PositionDirection.Short) };

        var finding = Assert.Single(PositionComparison.Compare(ours, [Venue("ETHUSDT", 3m, PositionDirection.Short)]));

        Assert.Equal((ReconciliationFindingKind.SizeDiffers, -2m, -3m, "p1"), (finding.Kind, finding.OursQuantity, finding.VenueQuantity, finding.Position!.PositionId));
    }

    [Fact]
    public void AVenuePositionWeDoNotManage_IsExternal_AndOurExternalRecordIsTheOneToUpdate()
    {
        var unknown = Assert.Single(PositionComparison.Compare([], [Venue("SOLUSDT", 10m)]));
        var known = Ours("x1", "SOLUSDT", PositionRecordStatus.External, 10m);
        var grown = Assert.Single(PositionComparison.Compare([known], [Venue("SOLUSDT", 12m)]));

        Assert.Equal((ReconciliationFindingKind.External, 0m, 10m, null), (unknown.Kind, unknown.OursQuantity, unknown.VenueQuantity, unknown.Position));
        Assert.Equal((ReconciliationFindingKind.External, "x1"), (grown.Kind, grown.Position!.PositionId));
    }

    [Fact]
    public void OurOpenOrClosingPositionOnAFlatSymbol_WasClosedOutside_AnOpeningOneIsNot_AnEndedExternalEnds()
    {
        var ours = new[]
        {
            Ours("p1", "BTCUSDT", PositionRecordStatus.Open, 0.5m),
            Ours("p2", "ETHUSDT", PositionRecordStatus.Closing, 1m),
            Ours("p3", "SOLUSDT", PositionRecordStatus.Opening, 0m),
            Ours("x1", "XRPUSDT", PositionRecordStatus.External, 100m),
        };

        var findings = PositionComparison.Compare(ours, [Venue("BTCUSDT", 0m)]);

        Assert.Equal(
            [(ReconciliationFindingKind.ClosedOutside, "p1"), (ReconciliationFindingKind.ClosedOutside, "p2"), (ReconciliationFindingKind.ExternalEnded, "x1")],
            findings.Select(finding => (finding.Kind, finding.Position!.PositionId)));
    }

    [Fact]
    public void ALastingDifference_IsRecordedOnceUntilItChanges_AndAgainAfterItWasGone()
    {
        var memory = new DriftMemory();
        memory.BeginRound();
        Assert.True(memory.IsNew("size", "BTCUSDT", 1m, 2m));
        memory.EndRound();

        memory.BeginRound();
        Assert.False(memory.IsNew("size", "BTCUSDT", 1m, 2m));
        Assert.True(memory.IsNew("size", "ETHUSDT", 1m, 2m));
        memory.EndRound();

        memory.BeginRound();
        Assert.True(memory.IsNew("size", "BTCUSDT", 1m, 3m));
        memory.EndRound();

        memory.BeginRound();
        memory.EndRound();
        memory.BeginRound();
        Assert.True(memory.IsNew("size", "BTCUSDT", 1m, 3m));
        Assert.True(DriftMemory.IsLasting("external"));
        Assert.False(DriftMemory.IsLasting("missing"));
    }

    private static PositionRecord Ours(string id, string symbol, PositionRecordStatus status, decimal quantity, PositionDirection direction = PositionDirection.Long) => new()
    {
        PositionId = id,
        Symbol = symbol,
        Status = status,
        Origin = PositionOrigin.Strategy,
        StopKind = StopKind.Initial,
        Direction = direction,
        OpenQuantity = quantity,
    };

    private static VenuePosition Venue(string symbol, decimal size, PositionDirection direction = PositionDirection.Long) =>
        new(InstrumentSymbol.Parse(symbol), direction, size, 100m, 0m);
}
