using BreakoutBot.Domain.Accounting;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Risk;
using BreakoutBot.Domain.Scanning;
using BreakoutBot.Domain.Scanning.Evaluation;
using BreakoutBot.Domain.Strategy;
using BreakoutBot.Domain.Trading;

namespace BreakoutBot.Backtesting.Engine;

/// <summary>
/// Runs a preset over bars with the services' own code, close by close for the whole universe:
/// <list type="number">
/// <item>each symbol's bar first fills the entry its previous close signalled (a market order at the bar's open, worse
/// by the slippage, sized by <see cref="PositionSizer"/> at that price after <see cref="PortfolioRiskLimits"/>; an
/// open already through the stop is not entered), then manages the open position with <see cref="PositionRules"/>
/// (stop first; a bar touching both the stop and a target is resolved by <see cref="BarPathResolver"/> along the
/// symbol's trade tape where the data has one, else along the simulator's seeded intrabar path; take-profit rungs fill
/// at their price with the maker fee, stops and rule exits at market);</item>
/// <item>funding is settled at each funding time on the open quantity at the close;</item>
/// <item>the universe's close goes through the scanner's <see cref="CloseEvaluator"/> (metrics, filters, score, rank,
/// levels, signals); a candidate's signal becomes the entry of its next bar.</item>
/// </list>
/// The executor's <see cref="RiskGate"/> keeps the account's risk: at every close the day's loss is checked against
/// <c>kill_switch_loss_limit</c> (a trip flattens every position at that close); a tripped kill switch or losing
/// streak blocks entries until the next UTC day, when the backtest re-arms it (the operator's reset in a live run).
/// Positions still open when the data ends close at their last close (<c>EndOfData</c>). Every amount is decimal and
/// every cash movement belongs to a trade, so the trades' net PnL adds up to the account's change exactly.
/// </summary>
/// <param name="signals">The scanner's close evaluation unless a test scripts the signals.</param>
public sealed partial class BacktestRunner(BacktestSettings settings, IProgress<long>? progress = null, IBacktestSignals? signals = null)
{
    private const int ChartBarsBeforeEntry = 20;
    private const int ChartBarsMax = 300;
    private const string EndOfData = "EndOfData";
    private const string KillSwitchFlatten = "KillSwitchFlatten";

    private readonly Dictionary<InstrumentSymbol, OpenTrade> _open = [];
    private readonly Dictionary<InstrumentSymbol, BreakoutSignal> _pendingEntries = [];
    private readonly Dictionary<InstrumentSymbol, decimal> _lastClose = [];
    private readonly Dictionary<InstrumentSymbol, Instrument> _instruments = [];
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly List<BacktestTrade> _trades = [];
    private readonly List<EquitySnapshot> _equity = [];
    private decimal _cash;
    private readonly RiskGate _risk = new();
    private int _killSwitchTrips;
    private int _signals;
    private int _positionNumber;

    private decimal TakerFee => settings.EffectiveTakerFeeRate;

    private decimal MakerFee => settings.EffectiveMakerFeeRate;

    /// <param name="cancellationToken">Checked at every close: a cancelled backtest throws <see cref="OperationCanceledException"/>.</param>
    public BacktestResult Run(IReadOnlyList<SymbolSeries> market, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        _cash = settings.StartingBalance;
        foreach (var series in market)
        {
            _instruments[series.Instrument.Symbol] = series.Instrument;
        }

        var cursors = market.OrderBy(series => series.Instrument.Symbol.Value, StringComparer.Ordinal).Select(series => new SymbolCursor(series, settings.HistoryBars)).ToList();
        var evaluator = signals ?? new ScannerSignals(settings);
        long candles = 0;
        try
        {
            while (NextOpenTime(cursors) is { } openTime && (settings.To is not { } to || openTime < to))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var closing = cursors.Where(cursor => cursor.Current?.OpenTime == openTime).ToList();
                var trading = settings.From is not { } from || openTime >= from;
                foreach (var cursor in closing)
                {
                    var bar = cursor.Current!;
                    cursor.Commit();
                    if (trading)
                    {
                        Trade(cursor, bar);
                    }

                    _lastClose[cursor.Instrument.Symbol] = bar.Close;
                }

                candles += closing.Count;
                progress?.Report(candles);
                if (!trading)
                {
                    continue;
                }

                var closeTime = settings.Interval.NextOpenTime(openTime);
                SettleFunding(closeTime);
                WatchDailyLoss(closeTime);
                _equity.Add(new EquitySnapshot(closeTime, Equity()));
                var inputs = closing.Select(cursor => new SymbolInputs(cursor.Instrument, cursor.History, cursor.TickerAtClose(settings.FundingRate), null, [], null)).ToList();
                foreach (var signal in evaluator.Evaluate(openTime, inputs))
                {
                    _signals++;
                    if (!_open.ContainsKey(signal.Symbol))
                    {
                        _pendingEntries[signal.Symbol] = signal;
                    }
                }
            }

            CloseAtEndOfData(cursors);
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                cursor.Dispose();
            }
        }

        return new BacktestResult(
            settings.StartingBalance, _cash, _trades, _equity, candles, _signals,
            FieldsNotEvaluated(),
            _rejections,
            _killSwitchTrips,
            [.. cursors.Where(cursor => cursor.Tape is not null).Select(cursor => cursor.Instrument.Symbol.Value)]);
    }

    private static DateTimeOffset? NextOpenTime(List<SymbolCursor> cursors)
    {
        DateTimeOffset? next = null;
        foreach (var cursor in cursors)
        {
            if (cursor.Current is { } bar && (next is null || bar.OpenTime < next))
            {
                next = bar.OpenTime;
            }
        }

        return next;
    }

    private void Trade(SymbolCursor cursor, Candle bar)
    {
        var symbol = cursor.Instrument.Symbol;
        if (_pendingEntries.Remove(symbol, out var signal))
        {
            Enter(cursor, signal, bar);
        }

        if (_open.TryGetValue(symbol, out var trade))
        {
            Manage(cursor, trade, bar);
        }
    }

    private void Enter(SymbolCursor cursor, BreakoutSignal signal, Candle bar)
    {
        var instrument = cursor.Instrument;
        var sign = signal.Direction.Sign();
        var slipped = bar.Open * (1 + (sign * settings.SlippageBps / 10_000m));
        var price = signal.Direction == PositionDirection.Long ? instrument.CeilingPriceToTick(slipped) : instrument.FloorPriceToTick(slipped);
        if ((price - signal.Stop) * sign <= 0)
        {
            Reject("OpenedThroughTheStop");
            return;
        }

        var equity = Equity();
        ReArmOnANewDay(bar.OpenTime);
        var risk = settings.Preset.Risk;
        var exposures = _open.Values.Select(open => new OpenExposure(open.Position.Symbol, open.Position.Direction, open.Position.OpenQuantity * open.Position.EntryPrice, open.BtcCorrelation)).ToList();
        var correlation = signal.BtcCorrelation is { } btc && double.IsFinite(btc) ? (decimal)btc : (decimal?)null;
        var portfolio = _risk.Portfolio(equity, exposures, bar.OpenTime);
        var candidate = new EntryCandidate(signal.Symbol, signal.Direction, correlation);
        var verdict = PortfolioRiskLimits.CheckEntry(risk, portfolio, candidate);
        if (!verdict.IsAllowed)
        {
            if (verdict.TripReason is { } reason)
            {
                Trip(reason, bar.OpenTime, verdict.TripFlatten);
            }

            Reject(verdict.Rejection?.ToString() ?? "PortfolioLimit");
            return;
        }

        var sizing = PositionSizer.Size(new PositionSizingRequest
        {
            Equity = equity,
            RiskFraction = risk.RiskPerTrade,
            Direction = signal.Direction,
            Entry = price,
            Stop = signal.Stop,
            Instrument = instrument,
            MaxPositionNotional = risk.MaxPositionSizeUsd,
            TakerFeeRate = TakerFee,
        });
        if (!sizing.IsApproved)
        {
            Reject(sizing.Rejection?.ToString() ?? "Sizing");
            return;
        }

        // As the executor: after sizing, the trade may not lift same-side exposure correlated with BTC past the limit.
        var correlated = PortfolioRiskLimits.CheckCorrelatedExposure(risk, portfolio, candidate, sizing.Notional);
        if (!correlated.IsAllowed)
        {
            Reject(correlated.Rejection?.ToString() ?? "CorrelatedExposure");
            return;
        }

        if (!MarginCarries(sizing.Notional, equity))
        {
            Reject("InsufficientMargin");
            return;
        }

        // The take-profit ladder sees the levels of the bars before this one, as the executor does at its fill (no book here).
        var positionConfig = settings.Preset.PositionConfig;
        var before = Math.Min(cursor.History.Count - 1, settings.LevelWindowBars);
        var market = positionConfig.TpSmartPlacement.Enabled
            ? TakeProfitMarket.From(cursor.History.GetRange(cursor.History.Count - 1 - before, before), settings.LevelWindowBars, settings.Preset, book: null, instrument.TickSize)
            : TakeProfitMarket.None;
        var position = PositionOpening.Open(
            $"bt-{++_positionNumber}", instrument, signal.Direction, price, signal.Stop, sizing.Quantity, bar.OpenTime,
            positionConfig.TpLevels, signal.LevelPrice, (positionConfig.TpSmartPlacement, market));
        var fee = Money(price * sizing.Quantity * TakerFee);
        _cash -= fee;
        // The history ends with this bar (committed before trading it): the chart's context is the bars before it.
        var context = cursor.History.Skip(Math.Max(0, cursor.History.Count - 1 - ChartBarsBeforeEntry)).Take(Math.Min(ChartBarsBeforeEntry, cursor.History.Count - 1));
        _open[signal.Symbol] = new OpenTrade(position, fee, context, correlation);
    }

    private void Manage(SymbolCursor cursor, OpenTrade trade, Candle bar)
    {
        if (trade.Bars.Count < ChartBarsMax)
        {
            trade.Bars.Add(bar);
        }

        var config = settings.Preset.PositionConfig;
        var trailing = TrailingInputs.From(TrailingWindow(cursor.History, config.ChandelierLookbackBars), trade.Position.Direction, config.ChandelierLookbackBars);
        var resolved = cursor.Tape is { } tape
            ? BarPathResolver.TargetsBeforeStop(trade.Position, bar, () => tape.PricesWithin(bar.OpenTime, bar.CloseTime))
            : BarPathResolver.TargetsBeforeStop(trade.Position, bar, cursor.Instrument, cursor.Index - 1, settings.Seed);
        var exits = resolved is not null
            ? resolved
            : PositionRules.ApplyBar(trade.Position, bar, config, cursor.Instrument, trailing, ExitInputs.From(cursor.History, config.ExitRules));
        trade.Position = exits.Position;
        foreach (var exit in exits.Exits)
        {
            Book(trade, exit, cursor.Instrument);
        }

        if (trade.Position.Status == PositionStatus.Closed || trade.Position.OpenQuantity == 0)
        {
            Finish(trade, bar.CloseTime);
            return;
        }

        MaybeAddOn(cursor, trade, bar);
    }

    /// <summary>The bars the executor trails from: the last 2 × lookback + 2 closed bars (what it fetches per round).</summary>
    private static ArraySegment<Candle> TrailingWindow(List<Candle> history, int lookback)
    {
        var count = Math.Min(history.Count, (2 * lookback) + 2);
        return new ArraySegment<Candle>([.. history.GetRange(history.Count - count, count)]);
    }

    /// <summary>
    /// The preset's filters and signal rules that klines cannot feed: the scanner filters on book, trades and open
    /// interest, and the signal rules on the book (imbalance, the density confirmation). They pass, and are named.
    /// </summary>
    private List<string> FieldsNotEvaluated()
    {
        var fields = ScanFilterNames.NeedMoreThanKlines.Where(PresetUses).ToList();
        var signals = settings.Preset.SignalConfig;
        if (signals.L2ImbalanceThreshold > 0)
        {
            fields.Add("l2_imbalance_threshold");
        }

        if (signals.EntryRules.RequireDensityConfirmation)
        {
            fields.Add("require_density_confirmation");
        }

        fields.Sort(StringComparer.Ordinal);
        return fields;
    }

    private bool PresetUses(string filter)
    {
        var liquidity = settings.Preset.LiquidityFilters;
        return filter switch
        {
            ScanFilterNames.MinOiUsd => liquidity.MinOiUsd is not null,
            ScanFilterNames.OiDeltaThreshold => settings.Preset.VolatilityFilters.OiDeltaThreshold is not null,
            _ => true,
        };
    }

    private void Reject(string code) => _rejections[code] = _rejections.GetValueOrDefault(code) + 1;
}
