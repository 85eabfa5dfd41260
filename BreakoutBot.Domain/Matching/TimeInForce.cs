namespace BreakoutBot.Domain.Matching;

/// <summary>Bybit's <c>timeInForce</c>. A market order always behaves as <see cref="ImmediateOrCancel"/> unless it is <see cref="FillOrKill"/>.</summary>
public enum TimeInForce
{
    GoodTillCancel,
    ImmediateOrCancel,
    FillOrKill,

    /// <summary>Rests as maker only; if it would take liquidity Bybit cancels it (<c>EC_PostOnlyWillTakeLiquidity</c>).</summary>
    PostOnly,
}
