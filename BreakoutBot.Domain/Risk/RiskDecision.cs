namespace BreakoutBot.Domain.Risk;

/// <summary>
/// The outcome of a risk check, as a value: approved with a size, or rejected with a code and a sentence for people.
/// </summary>
public sealed record RiskDecision
{
    private RiskDecision(bool isApproved, decimal quantity, decimal notional, decimal riskAmount, RiskRejectionCode? rejection, string detail)
    {
        IsApproved = isApproved;
        Quantity = quantity;
        Notional = notional;
        RiskAmount = riskAmount;
        Rejection = rejection;
        Detail = detail;
    }

    public bool IsApproved { get; }

    /// <summary>Approved quantity in base coin, on the lot step; 0 when rejected.</summary>
    public decimal Quantity { get; }

    /// <summary>Quantity × entry price, in USDT.</summary>
    public decimal Notional { get; }

    /// <summary>USDT lost if the stop is hit at its price (plus estimated fees, when a fee rate was given).</summary>
    public decimal RiskAmount { get; }

    public RiskRejectionCode? Rejection { get; }

    public string Detail { get; }

    public static RiskDecision Approve(decimal quantity, decimal notional, decimal riskAmount, string detail) =>
        new(true, quantity, notional, riskAmount, null, detail);

    public static RiskDecision Reject(RiskRejectionCode code, string detail) =>
        new(false, 0, 0, 0, code, detail);
}
