using BreakoutBot.Domain.Matching;
using BreakoutBot.Domain.Trading;
using static BreakoutBot.Domain.Tests.Matching.MatchingFixture;

namespace BreakoutBot.Domain.Tests.Matching;

public class OrderStateTests
{
    private static OrderState NewOrder(decimal quantity = 2m)
    {
        var submitted = OrderState.Submit("O1", Limit("c1", OrderSide.Buy, quantity, 100m), T0, T0);
        Assert.True(submitted.TryTransitionTo(OrderStatus.New, T0, out var live));
        return live;
    }

    [Fact]
    public void ApplyFill_TwoFills_AveragesPriceAndSumsFee()
    {
        var order = NewOrder().ApplyFill(0.5m, 100m, 0.01m, T0).ApplyFill(1.5m, 104m, 0.03m, T0);

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(2m, order.FilledQuantity);
        Assert.Equal(103m, order.AverageFillPrice);
        Assert.Equal(0.04m, order.CumulativeFee);
        Assert.Equal(0m, order.LeavesQuantity);
    }

    [Fact]
    public void ApplyFill_MoreThanOrdered_Throws()
    {
        var order = NewOrder().ApplyFill(1.5m, 100m, 0m, T0);

        Assert.Throws<InvalidOperationException>(() => order.ApplyFill(0.6m, 100m, 0m, T0));
    }

    [Fact]
    public void ApplyFill_OnCancelledOrder_Throws()
    {
        var cancelled = NewOrder().Cancel(OrderCancelReason.ByUser, T0);

        Assert.Throws<InvalidOperationException>(() => cancelled.ApplyFill(1m, 100m, 0m, T0));
    }

    [Fact]
    public void TryTransitionTo_FilledBackToNew_Refused()
    {
        var filled = NewOrder().ApplyFill(2m, 100m, 0m, T0);

        Assert.False(filled.TryTransitionTo(OrderStatus.New, T0, out var next));
        Assert.Null(next);
    }

    [Fact]
    public void TryTransitionTo_FillStatusWithoutFill_Refused()
    {
        Assert.False(NewOrder().TryTransitionTo(OrderStatus.Filled, T0, out _));
    }

    [Fact]
    public void Cancel_Untriggered_BecomesDeactivated()
    {
        var request = Market("c2", OrderSide.Sell, 1m) with { Trigger = new OrderTrigger(90m, TriggerDirection.FallsTo, TriggerSource.LastPrice) };
        Assert.True(OrderState.Submit("O2", request, T0, T0).TryTransitionTo(OrderStatus.Untriggered, T0, out var waiting));

        var cancelled = waiting.Cancel(OrderCancelReason.ByUser, T0);

        Assert.Equal(OrderStatus.Deactivated, cancelled.Status);
        Assert.Equal(OrderCancelReason.ByUser, cancelled.CancelReason);
    }
}
