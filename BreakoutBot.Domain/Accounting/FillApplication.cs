namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// The result of offering one fill to the ledger: whether it was applied, and if so what it realised and whether it
/// brought a position back to flat.
/// </summary>
/// <param name="RealisedPnl">Price PnL the fill realised (zero when it only opened or added), before fees.</param>
/// <param name="Position">The position in the fill's symbol afterwards; null when flat.</param>
/// <param name="ClosedTrade">The round trip the fill completed, if it closed the position (or flipped through zero).</param>
public sealed record FillApplication(
    FillOutcome Outcome,
    FillRejection Rejection,
    decimal RealisedPnl,
    PositionState? Position,
    ClosedTrade? ClosedTrade)
{
    public bool IsApplied => Outcome == FillOutcome.Applied;

    internal static FillApplication Rejected(FillRejection rejection) => new(FillOutcome.Rejected, rejection, 0m, null, null);

    internal static FillApplication Duplicate(PositionState? position) => new(FillOutcome.Duplicate, FillRejection.None, 0m, position, null);
}
