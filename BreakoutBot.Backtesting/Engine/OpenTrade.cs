using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>A position the backtest holds: the domain's managed position plus what it has cost and earned so far.</summary>
internal sealed class OpenTrade(ManagedPosition position, decimal entryFee, IEnumerable<Candle> context, decimal? btcCorrelation)
{
    /// <summary>The signal's correlation with BTC, for the correlated-exposure limit of later entries.</summary>
    public decimal? BtcCorrelation { get; } = btcCorrelation;

    public ManagedPosition Position { get; set; } = position;

    /// <summary>The first entry's 1 R in cash: what the trade's R multiple is measured against, an add-on or not.</summary>
    public decimal FirstRisk { get; } = position.InitialRiskPerUnit * position.OriginalQuantity;

    /// <summary>Quantity added to the winner (<c>add_on_enabled</c>); 0 when never added to.</summary>
    public decimal AddedQuantity { get; set; }

    public decimal GrossPnl { get; set; }

    public decimal Fees { get; set; } = entryFee;

    public decimal Funding { get; set; }

    public decimal ExitNotional { get; set; }

    public decimal ExitQuantity { get; set; }

    public string LastExitReason { get; set; } = "";

    public List<Candle> Bars { get; } = [.. context];

    public decimal UnrealisedAt(decimal price) =>
        (price - Position.EntryPrice) * Position.OpenQuantity * Position.Direction.Sign();
}
