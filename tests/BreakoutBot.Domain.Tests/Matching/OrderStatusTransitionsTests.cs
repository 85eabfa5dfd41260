using BreakoutBot.Domain.Matching;

namespace BreakoutBot.Domain.Tests.Matching;

public class OrderStatusTransitionsTests
{
    [Theory]
    [InlineData(OrderStatus.Submitted, OrderStatus.New)]
    [InlineData(OrderStatus.New, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Filled)]
    [InlineData(OrderStatus.New, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Untriggered, OrderStatus.Triggered)]
    [InlineData(OrderStatus.Triggered, OrderStatus.New)]
    [InlineData(OrderStatus.Untriggered, OrderStatus.Deactivated)]
    public void IsAllowed_LegalStep_True(OrderStatus from, OrderStatus to) => Assert.True(OrderStatusTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(OrderStatus.Filled, OrderStatus.New)]
    [InlineData(OrderStatus.Filled, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Filled)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.Rejected, OrderStatus.New)]
    [InlineData(OrderStatus.Untriggered, OrderStatus.Filled)]
    [InlineData(OrderStatus.New, OrderStatus.Untriggered)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.New)]
    [InlineData(OrderStatus.Deactivated, OrderStatus.Triggered)]
    public void IsAllowed_IllegalStep_False(OrderStatus from, OrderStatus to) => Assert.False(OrderStatusTransitions.IsAllowed(from, to));

    [Fact]
    public void IsTerminal_ClosedStatuses_HaveNoWayOut()
    {
        foreach (var closed in new[] { OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Rejected, OrderStatus.Deactivated })
        {
            Assert.True(OrderStatusTransitions.IsTerminal(closed));
            Assert.All(Enum.GetValues<OrderStatus>(), to => Assert.False(OrderStatusTransitions.IsAllowed(closed, to)));
        }
    }
}
