using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Domain.Tests.Indicators;

/// <summary>Streaming updates must not allocate: after construction and warm-up, adding bars allocates 0 bytes.</summary>
public class StreamingAllocationTests
{
    public static TheoryData<string> Names() => [.. IndicatorCatalog.All.Select(definition => definition.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Add_AfterWarmUp_AllocatesNothing(string name)
    {
        var bars = ReferenceData.Quotes();
        var indicator = IndicatorCatalog.Find(name)!.Create();
        for (var i = 0; i < 100; i++)
        {
            indicator.Add(bars[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = 0d;
        for (var i = 100; i < bars.Length; i++)
        {
            indicator.Add(bars[i]);
            checksum += indicator.Output(0);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.False(double.IsInfinity(checksum));
    }
}
