using BreakoutBot.Domain.MarketData;

namespace BreakoutBot.Domain.Matching;

/// <summary>An expected refusal, returned as a value: the reason code, the instrument rule when one applies, and text for logs.</summary>
public sealed record OrderRejection(OrderRejectReason Reason, string Message, InstrumentRuleViolation Violation = InstrumentRuleViolation.None)
{
    public int BybitRetCode => Reason.BybitRetCode(Violation);
}
