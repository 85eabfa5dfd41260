namespace BreakoutBot.Domain.Risk;

/// <summary>
/// Whether portfolio limits let a new entry proceed, and whether they demand that the kill switch trip (with or
/// without flattening). A verdict can both refuse the entry and ask for the trip.
/// </summary>
public sealed record PortfolioVerdict(bool IsAllowed, RiskRejectionCode? Rejection, string Detail, string? TripReason, bool TripFlatten)
{
    public static PortfolioVerdict Allowed { get; } = new(true, null, "within portfolio limits", null, false);

    public static PortfolioVerdict Refused(RiskRejectionCode code, string detail, string? tripReason = null, bool tripFlatten = false) =>
        new(false, code, detail, tripReason, tripFlatten);
}
