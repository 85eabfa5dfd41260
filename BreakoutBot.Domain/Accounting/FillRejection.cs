namespace BreakoutBot.Domain.Accounting;

/// <summary>Why a fill was not applied. Invalid fills are expected from a venue adapter, so they are values, not exceptions.</summary>
public enum FillRejection
{
    None,
    MissingExecutionId,
    MissingSymbol,
    QuantityNotPositive,
    PriceNotPositive,
}
