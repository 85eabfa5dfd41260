using BreakoutBot.Data.Trading;

namespace BreakoutBot.Executor.Tests;

/// <summary>Reading the venue's orderStatus into ours, and what each status means for the engine.</summary>
public sealed class OrderRecordStatusTests
{
    [Theory]
    [InlineData("Created", OrderRecordStatus.Created)]
    [InlineData("New", OrderRecordStatus.New)]
    [InlineData("PartiallyFilled", OrderRecordStatus.PartiallyFilled)]
    [InlineData("Filled", OrderRecordStatus.Filled)]
    [InlineData("Cancelled", OrderRecordStatus.Cancelled)]
    [InlineData("PartiallyFilledCanceled", OrderRecordStatus.PartiallyFilledCanceled)]
    [InlineData("Rejected", OrderRecordStatus.Rejected)]
    [InlineData("Untriggered", OrderRecordStatus.Untriggered)]
    [InlineData("Triggered", OrderRecordStatus.Triggered)]
    [InlineData("Deactivated", OrderRecordStatus.Deactivated)]
    [InlineData("Active", OrderRecordStatus.Active)]
    public void FromVenue_EveryBybitOrderStatus_ReadsAsItsMember(string venueStatus, OrderRecordStatus expected) =>
        Assert.Equal(expected, OrderRecordStatusExtensions.FromVenue(venueStatus));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Pending")]
    [InlineData("filled")]
    [InlineData("FILLED")]
    [InlineData(" Filled")]
    [InlineData("0")]
    [InlineData("New,Filled")]
    [InlineData("Expired")]
    public void FromVenue_AnythingElse_IsUnknown(string? venueStatus) =>
        Assert.Null(OrderRecordStatusExtensions.FromVenue(venueStatus));

    [Fact]
    public void EveryStatus_IsExactlyOneOf_PendingWorkingOrTerminal()
    {
        var terminal = Enum.GetValues<OrderRecordStatus>().Where(status => status.IsTerminal()).ToHashSet();
        var working = Enum.GetValues<OrderRecordStatus>().Where(status => status.IsWorking()).ToHashSet();

        Assert.Equal(
            [OrderRecordStatus.Filled, OrderRecordStatus.Cancelled, OrderRecordStatus.PartiallyFilledCanceled, OrderRecordStatus.Rejected, OrderRecordStatus.Deactivated],
            terminal.Order());
        Assert.Equal(
            [OrderRecordStatus.Created, OrderRecordStatus.New, OrderRecordStatus.PartiallyFilled, OrderRecordStatus.Untriggered, OrderRecordStatus.Triggered, OrderRecordStatus.Active],
            working.Order());
        Assert.False(OrderRecordStatus.Pending.IsWorking() || OrderRecordStatus.Pending.IsTerminal());
    }
}
