using System.Diagnostics;
using BreakoutBot.Data;
using BreakoutBot.Data.Trading;
using BreakoutBot.Domain.Execution;
using BreakoutBot.Domain.MarketData;
using BreakoutBot.Domain.Positions;
using BreakoutBot.Domain.Risk;
using BreakoutBot.Domain.Trading;
using BreakoutBot.Executor.Engine;
using BreakoutBot.Messaging.Messages;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Executor.Trading;

public sealed partial class TradingEngine
{
    /// <summary>
    /// Takes one signal in. Idempotent by signal id: the signals table's key records the first decision, and a
    /// redelivery finds it and changes nothing. Outcomes: Approved (entry sent), Rejected (risk, with the code),
    /// Stale (past its expiry by the venue's clock) or Ignored (the engine was not running).
    /// </summary>
    public async Task<string> HandleSignalAsync(SignalDetected signal, string correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            return await ExclusiveAsync(() => HandleSignalCoreAsync(signal, correlationId, cancellationToken), cancellationToken);
        }
        finally
        {
            outbox.Wake();
            Wake();
        }
    }

    private async Task<string> HandleSignalCoreAsync(SignalDetected signal, string correlationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = Database(scope);
        if (await database.Signals.AsNoTracking().AnyAsync(row => row.SignalId == signal.SignalId, cancellationToken))
        {
            Log.DuplicateSignal(logger, signal.SignalId);
            return "Duplicate";
        }

        var now = clock.GetUtcNow();
        var record = new SignalRecord
        {
            SignalId = signal.SignalId,
            Symbol = signal.Symbol,
            Side = signal.Side,
            Strategy = signal.Strategy.ToString(),
            LevelPrice = signal.LevelPrice,
            Entry = signal.Entry,
            Stop = signal.Stop,
            Confidence = signal.Confidence,
            BtcCorrelation = signal.BtcCorrelation,
            PresetName = signal.PresetName,
            PresetVersion = signal.PresetVersion,
            CandleOpenTime = signal.CandleOpenTime,
            DetectedAt = signal.DetectedAt,
            ReceivedAt = now,
            CorrelationId = correlationId,
        };

        var (outcome, reason) = await DecideAsync(database, signal, record, correlationId, cancellationToken);
        record.Outcome = outcome;
        record.Reason = reason;
        database.Signals.Add(record);
        await database.SaveChangesAsync(cancellationToken);
        metrics.Signal(outcome);
        Activity.Current?.SetTag("breakoutbot.signal.outcome", outcome.ToString());
        Log.SignalDecided(logger, signal.SignalId, signal.Symbol, outcome, reason ?? "");

        if (outcome == SignalOutcome.Approved)
        {
            var position = await database.Positions.SingleAsync(row => row.SignalId == signal.SignalId, cancellationToken);
            await SendEntryAsync(database, position, signal, correlationId, cancellationToken);
        }

        return outcome.ToString();
    }

    private async Task<(SignalOutcome Outcome, string? Reason)> DecideAsync(
        TradingDbContext database, SignalDetected signal, SignalRecord record, string correlationId, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("risk.check");
        if (!EngineStateMachine.AcceptsEntries(_state) || _presets.Active is null)
        {
            return (SignalOutcome.Ignored, $"the engine is {EngineStateMachine.Name(_state)}");
        }

        if (venueFacts.InstrumentOf(signal.Symbol) is not { IsTrading: true } instrument)
        {
            return (SignalOutcome.Rejected, $"{signal.Symbol} is not a trading instrument on the venue");
        }

        // The venue's clock, the wallet and the book are read at once: one round trip of latency instead of three.
        var venueNowRead = venue.GetTimeAsync(cancellationToken);
        var walletRead = venue.GetWalletAsync(cancellationToken);
        var bookRead = venue.GetOrderBookAsync(instrument.Symbol, 50, cancellationToken);
        await Task.WhenAll(venueNowRead, walletRead, bookRead);
        var (venueNow, wallet, book) = (venueNowRead.Result, walletRead.Result, bookRead.Result);
        if (venueNow > signal.ExpiresAt)
        {
            return (SignalOutcome.Stale, $"expired at {signal.ExpiresAt:O}; the venue's clock says {venueNow:O}");
        }

        var now = clock.GetUtcNow();
        var active = await database.Positions.AsNoTracking().Where(row => row.Status == PositionRecordStatus.Opening || row.Status == PositionRecordStatus.Open || row.Status == PositionRecordStatus.Closing).ToListAsync(cancellationToken);
        // Each open position's correlation with BTC as its signal stated it, for correlation_limit.
        var activeSignals = active.Select(row => row.SignalId).OfType<string>().ToList();
        var correlations = await database.Signals.AsNoTracking().Where(row => activeSignals.Contains(row.SignalId) && row.BtcCorrelation != null)
            .ToDictionaryAsync(row => row.SignalId, row => row.BtcCorrelation!.Value, cancellationToken);
        var state = _risk.Portfolio(wallet.Equity, [.. active.Select(row => new OpenExposure(
            InstrumentSymbol.Parse(row.Symbol), row.Direction, row.OriginalQuantity * row.EntryPrice,
            row.SignalId is { } id && correlations.TryGetValue(id, out var correlation) ? (decimal)correlation : null))], now);
        var candidate = new EntryCandidate(instrument.Symbol, signal.Side, signal.BtcCorrelation is { } btc && double.IsFinite(btc) ? (decimal)btc : null);
        var verdict = PortfolioRiskLimits.CheckEntry(_presets.Active.Risk, state, candidate);
        if (verdict.TripReason is { } tripReason)
        {
            await TripKillSwitchAsync(database, tripReason, verdict.TripFlatten, correlationId, cancellationToken);
        }

        if (!verdict.IsAllowed)
        {
            await SaveRiskAsync(database, now, cancellationToken);
            return (SignalOutcome.Rejected, $"{verdict.Rejection}: {verdict.Detail}");
        }

        // Size from the price the order will really meet, not the level, and from the liquidity it would take.
        if ((signal.Side == PositionDirection.Long ? book.BestAsk : book.BestBid) is not { } touch)
        {
            return (SignalOutcome.Rejected, $"the {instrument.Symbol} book has no {(signal.Side == PositionDirection.Long ? "asks to buy from" : "bids to sell to")}");
        }

        var entry = touch.Price;
        var execution = _presets.Active.ExecutionConfig;
        var depth = EntryPlanner.TakingDepth(book, signal.Side);
        var sizing = PositionSizer.Size(new PositionSizingRequest
        {
            Equity = wallet.Equity,
            RiskFraction = _presets.Active.Risk.RiskPerTrade,
            Direction = signal.Side,
            Entry = entry,
            Stop = signal.Stop,
            Instrument = instrument,
            MaxPositionNotional = _presets.Active.Risk.MaxPositionSizeUsd,
            AvailableDepthNotional = EntryPlanner.DepthAllowance(execution, depth),
            MaxDepthFraction = execution.MaxDepthFraction,
            TakerFeeRate = execution.TakerFeeBps / 10_000m,
        });
        if (!sizing.IsApproved)
        {
            return (SignalOutcome.Rejected, $"{sizing.Rejection}: {sizing.Detail}");
        }

        var correlated = PortfolioRiskLimits.CheckCorrelatedExposure(_presets.Active.Risk, state, candidate, sizing.Notional);
        if (!correlated.IsAllowed)
        {
            return (SignalOutcome.Rejected, $"{correlated.Rejection}: {correlated.Detail}");
        }

        await venueFacts.EnsureLeverageAsync(instrument.Symbol, cancellationToken);
        var plan = EntryPlanner.Plan(execution, instrument, sizing.Quantity, entry, depth);
        var firstSlice = EntryPlanner.ChooseOrder(execution, plan, instrument, signal.Side.OpeningSide(), book.BestBid?.Price, book.BestAsk?.Price);
        var positionId = TradingIds.PositionFor(signal.SignalId);
        record.PositionId = positionId;
        database.Positions.Add(new PositionRecord
        {
            PositionId = positionId,
            SignalId = signal.SignalId,
            Symbol = signal.Symbol,
            Direction = signal.Side,
            Status = PositionRecordStatus.Opening,
            Origin = PositionOrigin.Strategy,
            EntryPrice = entry,
            InitialStop = signal.Stop,
            Stop = signal.Stop,
            StopKind = StopKind.Initial,
            OriginalQuantity = sizing.Quantity,
            OpenQuantity = 0,
            BestPrice = entry,
            BreakoutLevel = signal.LevelPrice,
            EntryPlan = EntryProgress.Start(plan, now, entry) with
            {
                TraceParent = Activity.Current?.Id,
                RiskBudget = wallet.Equity * _presets.Active.Risk.RiskPerTrade,
                TakerFeeRate = execution.TakerFeeBps / 10_000m,
                MakerFeeRate = execution.MakerFeeBps / 10_000m,
            },
            OpenedAt = now,
            PresetName = _presets.Name,
            PresetVersion = _presets.Version,
        });

        // The first entry order is recorded with the approval, in one transaction: after a crash the position is never
        // without the orderLinkId that tells whether its entry reached the venue.
        database.Orders.Add(new OrderRecord
        {
            OrderId = TradingIds.EntrySlice(positionId, 1),
            PositionId = positionId,
            SignalId = signal.SignalId,
            Symbol = signal.Symbol,
            Side = signal.Side.OpeningSide(),
            Purpose = OrderPurpose.Entry,
            OrderType = firstSlice.IsPassive ? OrderStyle.Limit : OrderStyle.Market,
            Price = firstSlice.LimitPrice,
            Quantity = plan.Slices[0],
            Status = OrderRecordStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await SaveRiskAsync(database, now, cancellationToken);
        activity?.SetTag("breakoutbot.risk.quantity", sizing.Quantity);
        activity?.SetTag("breakoutbot.entry.slices", plan.Slices.Count);
        return (SignalOutcome.Approved, $"{sizing.Detail}; entry in {plan.Slices.Count} slice(s), first {firstSlice.Reason}");
    }

    private async Task SendEntryAsync(TradingDbContext database, PositionRecord position, SignalDetected signal, string correlationId, CancellationToken cancellationToken)
    {
        var instrument = venueFacts.InstrumentOf(position.Symbol)!;
        var first = await database.Orders.SingleAsync(order => order.OrderId == TradingIds.EntrySlice(position.PositionId, 1), cancellationToken);
        metrics.SignalToOrder((clock.GetUtcNow() - signal.DetectedAt).TotalMilliseconds);
        await PlaceAsync(database, position, EntryPlacement(first, instrument), OrderPurpose.Entry, correlationId, cancellationToken);
        await RefreshPositionAsync(database, position, correlationId, cancellationToken);
    }
}
