namespace BreakoutBot.Domain.Matching;

/// <summary>
/// The answer to a submit, cancel or amend. <see cref="Rejection"/> is set when the venue refused the request outright
/// (no order was created or changed); <see cref="Order"/> is the order's latest state when one exists (for a duplicate
/// client id, the original order). <see cref="Events"/> lists what happened, in order, for publishing.
/// </summary>
public sealed record OrderCommandResult(OrderState? Order, OrderRejection? Rejection, IReadOnlyList<MatchingEvent> Events)
{
    public bool IsAccepted => Rejection is null;
}
