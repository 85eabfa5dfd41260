using System.Globalization;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Risk;

/// <summary>
/// Sizes an entry by risk: <c>qty = equity × riskFraction / riskPerUnit</c>, where risk per unit is the stop distance
/// plus both taker fees, then capped by the notional cap, leverage, depth and the venue's maximum market order, and rounded <em>down</em> to the lot
/// step. Because every step only lowers the quantity, the risk after rounding never exceeds the target.
/// </summary>
public static class PositionSizer
{
    public static RiskDecision Size(PositionSizingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instrument = request.Instrument;
        if (request.Equity <= 0)
        {
            return RiskDecision.Reject(RiskRejectionCode.InvalidEquity, $"equity {Text(request.Equity)} USDT is not positive");
        }

        if (request.Entry <= 0 || request.Stop <= 0)
        {
            return RiskDecision.Reject(RiskRejectionCode.InvalidStop, $"entry {Text(request.Entry)} and stop {Text(request.Stop)} must be positive prices");
        }

        var stopDistance = (request.Entry - request.Stop) * request.Direction.Sign();
        if (stopDistance <= 0)
        {
            var side = request.Direction == PositionDirection.Long ? "below" : "above";
            return RiskDecision.Reject(RiskRejectionCode.InvalidStop, $"a {request.Direction} stop must be {side} the entry {Text(request.Entry)}, got {Text(request.Stop)}");
        }

        var riskPerUnit = stopDistance + ((request.Entry + request.Stop) * request.TakerFeeRate);
        var targetRisk = request.Equity * request.RiskFraction;
        var quantity = targetRisk / riskPerUnit;
        var limitedBy = "risk";

        if (request.MaxPositionNotional is { } cap && quantity * request.Entry > cap)
        {
            quantity = cap / request.Entry;
            limitedBy = $"max position {Text(cap)} USDT";
        }

        var leverage = request.Leverage ?? instrument.MaxLeverage;
        if (quantity * request.Entry > request.Equity * leverage)
        {
            quantity = request.Equity * leverage / request.Entry;
            limitedBy = $"leverage {Text(leverage)}x";
        }

        if (request.AvailableDepthNotional is { } depth && quantity * request.Entry > depth * request.MaxDepthFraction)
        {
            quantity = depth * request.MaxDepthFraction / request.Entry;
            limitedBy = $"depth {Text(depth * request.MaxDepthFraction)} USDT";
        }

        // The venue refuses a market order above its maximum quantity (low-priced coins with tight stops reach it): the
        // entry is capped there rather than refused, which only lowers the risk.
        var venueMaximum = instrument.MaxQuantityFor(isMarketOrder: true);
        if (venueMaximum > 0 && quantity > venueMaximum)
        {
            quantity = venueMaximum;
            limitedBy = $"the venue's maximum market order {Text(venueMaximum)} {instrument.Symbol}";
        }

        var rounded = instrument.FloorQuantityToStep(quantity);
        if (rounded * riskPerUnit > targetRisk)
        {
            // Decimal division rounds its 28th digit to nearest, which can land on a lot step the exact quotient is
            // just below; one step less restores "risk never exceeds the target".
            rounded -= instrument.QtyStep;
        }
        var violation = instrument.CheckOrderSize(rounded, request.Entry, isMarketOrder: true);
        if (rounded <= 0 || violation != InstrumentRuleViolation.None)
        {
            return RiskDecision.Reject(
                RiskRejectionCode.BelowMinimumOrderSize,
                $"{Text(rounded)} {instrument.Symbol} after {limitedBy} and lot step {Text(instrument.QtyStep)} fails the venue's order rules ({violation}); minimum at this price is {Text(instrument.MinimumQuantityAt(request.Entry))}");
        }

        var riskAmount = rounded * riskPerUnit;
        return RiskDecision.Approve(
            rounded,
            rounded * request.Entry,
            riskAmount,
            $"{Text(rounded)} {instrument.Symbol} risking {Text(decimal.Round(riskAmount, 2))} of {Text(decimal.Round(targetRisk, 2))} USDT, limited by {limitedBy}");
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
