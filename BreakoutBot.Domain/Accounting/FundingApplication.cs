namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// The result of one funding settlement. <see cref="Amount"/> is what the wallet received in USDT: negative when the
/// position paid, zero unless <see cref="Outcome"/> is <see cref="FundingOutcome.Applied"/>.
/// </summary>
public sealed record FundingApplication(FundingOutcome Outcome, decimal Amount);
