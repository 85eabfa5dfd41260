using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Domain.Accounting;

/// <summary>
/// Margin account for USDT-margined linear perpetuals in one-way mode (one net position per symbol).
/// </summary>
/// <remarks>
/// <para>
/// The wallet moves only by realised PnL, fees and funding; opening a position moves nothing but the fee, and
/// equity = wallet + Σ unrealised PnL. This is the margin model the original paper exchange lacked: it debited a
/// buy's whole notional like a cash purchase, so every long looked like a loss of its notional.
/// </para>
/// <para>
/// Every fill is recognised by its execution id, so a fill delivered twice changes nothing the second time; the same
/// holds for funding, recognised by symbol and settlement time.
/// </para>
/// <para>
/// Pro-rata amounts (the cost basis a partial close releases, a flipping fill's fee split between its closing and
/// opening parts, a funding payment) are rounded to <see cref="AmountDecimals"/> places. Every stored amount then has
/// a bounded scale, so decimal sums never round and the ledger identity holds exactly; the remainder of each split
/// stays in the other part, so nothing is lost.
/// </para>
/// </remarks>
public sealed class AccountLedger
{
    /// <summary>Decimal places of pro-rata amounts, in USDT: far below any venue's precision.</summary>
    public const int AmountDecimals = 12;

    /// <summary>Leverage of a symbol until <see cref="SetLeverage"/> is called for it.</summary>
    public const decimal DefaultLeverage = 1m;

    private readonly Dictionary<InstrumentSymbol, PositionState> _positions = [];
    private readonly Dictionary<InstrumentSymbol, decimal> _markPrices = [];
    private readonly Dictionary<InstrumentSymbol, decimal> _leverages = [];
    private readonly HashSet<string> _executionIds = new(StringComparer.Ordinal);
    private readonly HashSet<(InstrumentSymbol Symbol, DateTimeOffset SettledAt)> _fundingSettlements = [];
    private readonly List<ClosedTrade> _closedTrades = [];
    private readonly Func<InstrumentSymbol, decimal, decimal>? _maintenanceMarginRateOf;

    /// <param name="initialWalletBalance">Starting wallet balance in USDT.</param>
    /// <param name="maintenanceMarginRate">
    /// Fraction of position value held as maintenance margin. Bybit's rate depends on the risk tier; 0.5 % is its
    /// lowest tier for the large contracts.
    /// </param>
    /// <param name="maintenanceMarginRateOf">
    /// When given, the rate for a symbol's position of a given value in USDT (its risk-limit tier), instead of the flat
    /// <paramref name="maintenanceMarginRate"/>.
    /// </param>
    public AccountLedger(decimal initialWalletBalance, decimal maintenanceMarginRate = 0.005m, Func<InstrumentSymbol, decimal, decimal>? maintenanceMarginRateOf = null)
    {
        _maintenanceMarginRateOf = maintenanceMarginRateOf;
        ArgumentOutOfRangeException.ThrowIfNegative(initialWalletBalance);
        ArgumentOutOfRangeException.ThrowIfNegative(maintenanceMarginRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maintenanceMarginRate, 1m);
        InitialWalletBalance = initialWalletBalance;
        WalletBalance = initialWalletBalance;
        MaintenanceMarginRate = maintenanceMarginRate;
    }

    public decimal InitialWalletBalance { get; }

    public decimal MaintenanceMarginRate { get; }

    /// <summary>USDT balance: initial + realised PnL − fees + funding.</summary>
    public decimal WalletBalance { get; private set; }

    /// <summary>Σ realised price PnL of every applied fill, before fees.</summary>
    public decimal RealisedPnl { get; private set; }

    /// <summary>Σ fees of every applied fill; negative when rebates exceeded fees.</summary>
    public decimal FeesPaid { get; private set; }

    /// <summary>Σ funding received; negative when positions paid more than they received.</summary>
    public decimal Funding { get; private set; }

    /// <summary>Open positions; flat symbols are absent.</summary>
    public IReadOnlyCollection<PositionState> Positions => _positions.Values;

    /// <summary>Round trips completed so far, in the order they closed.</summary>
    public IReadOnlyList<ClosedTrade> ClosedTrades => _closedTrades;

    /// <summary>Σ unrealised PnL of open positions at their symbols' mark prices.</summary>
    public decimal UnrealisedPnl => _positions.Values.Sum(p => p.UnrealisedPnlAt(_markPrices[p.Symbol]));

    public decimal Equity => WalletBalance + UnrealisedPnl;

    /// <summary>Σ position value at mark ÷ leverage.</summary>
    public decimal InitialMargin => _positions.Values.Sum(p => p.ValueAt(_markPrices[p.Symbol]) / LeverageOf(p.Symbol));

    /// <summary>Σ position value at mark × its maintenance margin rate (flat, or by risk-limit tier); equity at or below this means liquidation.</summary>
    public decimal MaintenanceMargin => _positions.Values.Sum(p => MaintenanceMarginOf(p));

    /// <summary>True when the account holds positions and its equity no longer covers their maintenance margin.</summary>
    public bool IsBelowMaintenance => _positions.Count > 0 && Equity <= MaintenanceMargin;

    /// <summary>Equity not tied up as initial margin; negative when the account is under-margined. Open orders are not modelled.</summary>
    public decimal AvailableBalance => Equity - InitialMargin;

    private decimal MaintenanceMarginOf(PositionState position)
    {
        var value = position.ValueAt(_markPrices[position.Symbol]);
        return value * (_maintenanceMarginRateOf?.Invoke(position.Symbol, value) ?? MaintenanceMarginRate);
    }

    /// <summary>The open position in <paramref name="symbol"/>, or null when flat.</summary>
    public PositionState? PositionOf(InstrumentSymbol symbol) => _positions.GetValueOrDefault(symbol);

    /// <summary>The last mark price of <paramref name="symbol"/>; until one is given, the price of its first fill.</summary>
    public decimal? MarkPriceOf(InstrumentSymbol symbol) => _markPrices.TryGetValue(symbol, out var mark) ? mark : null;

    public decimal UnrealisedPnlOf(InstrumentSymbol symbol) =>
        _positions.TryGetValue(symbol, out var position) ? position.UnrealisedPnlAt(_markPrices[symbol]) : 0m;

    public decimal LeverageOf(InstrumentSymbol symbol) => _leverages.GetValueOrDefault(symbol, DefaultLeverage);

    public EquitySnapshot Snapshot(DateTimeOffset at) => new(at, Equity);

    /// <summary>Sets the leverage of the instrument's symbol, which must be between 1 and the instrument's maximum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The leverage is outside [1, <see cref="Instrument.MaxLeverage"/>].</exception>
    public void SetLeverage(Instrument instrument, decimal leverage)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (leverage < 1m || leverage > instrument.MaxLeverage)
        {
            throw new ArgumentOutOfRangeException(
                nameof(leverage), leverage, $"Leverage for {instrument.Symbol} must be between 1 and {instrument.MaxLeverage}.");
        }

        _leverages[instrument.Symbol] = leverage;
    }

    /// <summary>Records the venue's mark price; returns false and keeps the old mark when the price is not positive.</summary>
    public bool UpdateMarkPrice(InstrumentSymbol symbol, decimal markPrice)
    {
        if (markPrice <= 0m)
        {
            return false;
        }

        _markPrices[symbol] = markPrice;
        return true;
    }

    /// <summary>
    /// Applies one fill: opens, adds to (weighted average entry), reduces, closes, or flips the symbol's position.
    /// A flip is split into a close of the whole position and an open of the rest, with the fee shared pro rata.
    /// </summary>
    /// <param name="initialRiskPerUnit">
    /// |entry − initial stop| per unit, recorded when this fill opens a position (or the new side of a flip) and
    /// ignored otherwise, so R stays measured against the risk taken at entry.
    /// </param>
    public FillApplication Apply(Fill fill, decimal? initialRiskPerUnit = null)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (initialRiskPerUnit is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(initialRiskPerUnit), initialRiskPerUnit, "Initial risk per unit must be positive.");
        }

        var rejection = Check(fill);
        if (rejection != FillRejection.None)
        {
            return FillApplication.Rejected(rejection);
        }

        if (!_executionIds.Add(fill.ExecutionId))
        {
            return FillApplication.Duplicate(PositionOf(fill.Symbol));
        }

        _markPrices.TryAdd(fill.Symbol, fill.Price);
        FeesPaid += fill.Fee;

        var position = PositionOf(fill.Symbol);
        if (position is null || position.Direction.OpeningSide() == fill.Side)
        {
            WalletBalance -= fill.Fee;
            var opened = Open(position, fill, fill.Quantity, fill.Fee, initialRiskPerUnit);
            _positions[fill.Symbol] = opened;
            return new FillApplication(FillOutcome.Applied, FillRejection.None, 0m, opened, null);
        }

        var closingQuantity = Math.Min(fill.Quantity, position.Quantity);
        var closingFee = closingQuantity == fill.Quantity ? fill.Fee : Math.Round(fill.Fee * closingQuantity / fill.Quantity, AmountDecimals);
        var (reduced, realised) = Reduce(position, fill, closingQuantity, closingFee);
        RealisedPnl += realised;
        WalletBalance += realised - closingFee;

        if (reduced.Quantity > 0m)
        {
            _positions[fill.Symbol] = reduced;
            return new FillApplication(FillOutcome.Applied, FillRejection.None, realised, reduced, null);
        }

        var trade = ToClosedTrade(reduced, fill.ExecutedAt);
        _closedTrades.Add(trade);
        _positions.Remove(fill.Symbol);

        PositionState? flipped = null;
        if (fill.Quantity > closingQuantity)
        {
            var openingFee = fill.Fee - closingFee;
            WalletBalance -= openingFee;
            flipped = Open(null, fill, fill.Quantity - closingQuantity, openingFee, initialRiskPerUnit);
            _positions[fill.Symbol] = flipped;
        }

        return new FillApplication(FillOutcome.Applied, FillRejection.None, realised, flipped, trade);
    }

    /// <summary>
    /// Settles funding for the symbol's position: amount = rate × position value at <paramref name="markPrice"/>,
    /// paid by longs and received by shorts when the rate is positive, the other way round when it is negative.
    /// </summary>
    /// <param name="settledAt">The settlement time; a second settlement of the same symbol at the same time is a duplicate.</param>
    public FundingApplication ApplyFunding(InstrumentSymbol symbol, decimal fundingRate, decimal markPrice, DateTimeOffset settledAt)
    {
        if (markPrice <= 0m)
        {
            return new FundingApplication(FundingOutcome.Rejected, 0m);
        }

        if (!_positions.TryGetValue(symbol, out var position))
        {
            return new FundingApplication(FundingOutcome.NoPosition, 0m);
        }

        if (!_fundingSettlements.Add((symbol, settledAt)))
        {
            return new FundingApplication(FundingOutcome.Duplicate, 0m);
        }

        var received = Math.Round(-position.Direction.Sign() * fundingRate * position.ValueAt(markPrice), AmountDecimals);
        WalletBalance += received;
        Funding += received;
        _positions[symbol] = position with { Funding = position.Funding + received };
        return new FundingApplication(FundingOutcome.Applied, received);
    }

    private static FillRejection Check(Fill fill)
    {
        if (string.IsNullOrEmpty(fill.ExecutionId))
        {
            return FillRejection.MissingExecutionId;
        }

        if (fill.Symbol.Value.Length == 0)
        {
            return FillRejection.MissingSymbol;
        }

        if (fill.Quantity <= 0m)
        {
            return FillRejection.QuantityNotPositive;
        }

        return fill.Price <= 0m ? FillRejection.PriceNotPositive : FillRejection.None;
    }

    private static PositionState Open(PositionState? position, Fill fill, decimal quantity, decimal fee, decimal? initialRiskPerUnit) =>
        position is null
            ? PositionState.Opened(fill.Symbol, fill.Side == OrderSide.Buy ? PositionDirection.Long : PositionDirection.Short, quantity, fill.Price, fee, fill.ExecutedAt, initialRiskPerUnit)
            : position.Added(quantity, fill.Price, fee);

    private static (PositionState Reduced, decimal Realised) Reduce(PositionState position, Fill fill, decimal quantity, decimal fee) =>
        position.Reduced(quantity, fill.Price, fee);

    private static ClosedTrade ToClosedTrade(PositionState closed, DateTimeOffset closedAt) => new(
        closed.Symbol,
        closed.Direction,
        closed.OpenedNotional / closed.OpenedQuantity,
        closed.ClosedNotional / closed.ClosedQuantity,
        closed.ClosedQuantity,
        closed.RealisedPnl,
        closed.FeesPaid,
        closed.Funding,
        closed.OpenedAt,
        closedAt,
        closed.InitialRiskPerUnit);
}
