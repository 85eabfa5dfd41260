namespace BreakoutBot.Data.Trading;

/// <summary>
/// A funding settlement the venue booked in its transaction log, recorded once by its id (so booking it twice changes
/// nothing) with the position it was added to; <see cref="PositionId"/> is null when none of ours held the symbol.
/// </summary>
public sealed class FundingPaymentRecord : IModeScoped
{
    /// <inheritdoc/>
    public string Mode { get; set; } = "";

    public required string TransactionId { get; set; }

    public string? PositionId { get; set; }

    public required string Symbol { get; set; }

    /// <summary>USDT received (negative when paid).</summary>
    public decimal Amount { get; set; }

    public DateTimeOffset SettledAt { get; set; }
}
