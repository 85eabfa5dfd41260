namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// One band of a contract's risk limit: positions worth up to <see cref="RiskLimitValue"/> USDT hold
/// <see cref="MaintenanceMarginRate"/> of their value as maintenance margin and may use at most <see cref="MaxLeverage"/>.
/// </summary>
public sealed record RiskLimitTier(int Id, decimal RiskLimitValue, decimal MaintenanceMarginRate, decimal MaxLeverage)
{
    public decimal InitialMarginRate => decimal.Round(1m / MaxLeverage, 6);
}
