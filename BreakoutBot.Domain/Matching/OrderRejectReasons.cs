using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Matching;

/// <summary>Maps reject reasons to Bybit's retCodes, so the simulator answers the way the venue does.</summary>
public static class OrderRejectReasons
{
    private const int ParameterError = 10001;

    public static int BybitRetCode(this OrderRejectReason reason, InstrumentRuleViolation violation = InstrumentRuleViolation.None) => reason switch
    {
        OrderRejectReason.DuplicateClientOrderId => 110072,
        OrderRejectReason.ReduceOnlyWouldIncreasePosition => 110017,
        OrderRejectReason.InsufficientMargin => 110007,
        OrderRejectReason.OrderNotFound or OrderRejectReason.OrderNotOpen => 110001,
        OrderRejectReason.InstrumentRuleViolated when violation == InstrumentRuleViolation.NotionalBelowMinimum => 110094,
        _ => ParameterError,
    };
}
