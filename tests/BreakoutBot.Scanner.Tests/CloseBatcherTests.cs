using BreakoutBot.Scanner.Market;
using Microsoft.Extensions.Time.Testing;

namespace BreakoutBot.Scanner.Tests;

public sealed class CloseBatcherTests
{
    private static readonly DateTimeOffset Bar = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Bar.AddMinutes(5));

    [Fact]
    public void OnClose_AllSymbolsClosed_ReleasesTheBarAtOnce()
    {
        var batcher = new CloseBatcher(TimeSpan.FromSeconds(3), _clock);

        batcher.OnClose(Bar, 1, 3);
        batcher.OnClose(Bar, 2, 3);
        Assert.False(batcher.Ready.TryRead(out _));
        batcher.OnClose(Bar, 3, 3);

        Assert.True(batcher.Ready.TryRead(out var released));
        Assert.Equal(Bar, released.OpenTime);
    }

    [Fact]
    public void OnClose_SomeSymbolsLate_ReleasesAfterTheBatchWindowOnce()
    {
        var batcher = new CloseBatcher(TimeSpan.FromSeconds(3), _clock);
        batcher.OnClose(Bar, 1, 3);
        var firstSeen = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(batcher.Ready.TryRead(out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(batcher.Ready.TryRead(out var released));
        Assert.Equal(Bar, released.OpenTime);
        Assert.Equal(firstSeen, released.FirstCloseSeenAt);

        batcher.OnClose(Bar, 3, 3);
        Assert.False(batcher.Ready.TryRead(out _));
    }

    [Fact]
    public void OnClose_NewerBarBeforeOlderReleased_ReleasesBothInOrder()
    {
        var batcher = new CloseBatcher(TimeSpan.FromSeconds(3), _clock);
        batcher.OnClose(Bar, 1, 3);

        batcher.OnClose(Bar.AddMinutes(5), 3, 3);

        Assert.True(batcher.Ready.TryRead(out var first));
        Assert.True(batcher.Ready.TryRead(out var second));
        Assert.Equal([Bar, Bar.AddMinutes(5)], [first.OpenTime, second.OpenTime]);
    }

    [Fact]
    public void OnClose_OlderBarAfterNewerReleased_IsIgnored()
    {
        var batcher = new CloseBatcher(TimeSpan.FromSeconds(3), _clock);
        batcher.OnClose(Bar.AddMinutes(5), 1, 1);
        batcher.Ready.TryRead(out _);

        batcher.OnClose(Bar, 1, 1);

        Assert.False(batcher.Ready.TryRead(out _));
    }
}
