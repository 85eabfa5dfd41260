using BreakoutBot.Bybit.Rest;
using BreakoutBot.Domain.MarketData;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Executor.Venue;

/// <summary>
/// The one owner of what the venue must agree on before and while we trade: its clock (requests are signed with the
/// venue's time, so a drifting local clock never gets them refused), the account's modes (one-way positions, regular
/// margin), each symbol's leverage, and the instrument list (tick size, steps, minimums, status), read again as it may
/// change. Used under the engine's gate, one step at a time.
/// </summary>
public sealed class VenueFacts(IVenue venue, IOptions<ExecutorOptions> options, ExecutorMetrics metrics, TimeProvider clock, ILogger<VenueFacts> logger)
{
    private readonly ExecutorOptions _options = options.Value;
    private readonly Dictionary<InstrumentSymbol, Instrument> _instruments = [];
    private readonly HashSet<InstrumentSymbol> _leverageSet = [];
    private DateTimeOffset? _clockSyncedAt;
    private DateTimeOffset? _instrumentsLoadedAt;

    /// <summary>On start (or a new lease): the clock, the account's modes and the instruments, whatever was known before.</summary>
    public async Task SetUpAsync(CancellationToken cancellationToken)
    {
        _clockSyncedAt = null;
        _instrumentsLoadedAt = null;
        _leverageSet.Clear();
        await RefreshAsync(cancellationToken);
        try
        {
            await venue.PrepareAccountAsync(cancellationToken);
        }
        catch (BybitApiException exception)
        {
            // Trading goes on: a venue in another mode refuses our orders with its reason, which is then logged per order.
            Log.AccountModesNotSet(logger, exception.RetCode, exception.Message);
        }
    }

    /// <summary>Measures the clock offset and reloads the instruments when each is due (also run by reconciliation).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_clockSyncedAt is not { } synced || now - synced >= _options.ClockSyncInterval)
        {
            var offset = await venue.SynchronizeClockAsync(cancellationToken);
            _clockSyncedAt = now;
            metrics.ClockOffsetMs = offset.TotalMilliseconds;
            Log.ClockSynchronized(logger, (long)offset.TotalMilliseconds);
        }

        if (_instrumentsLoadedAt is not { } loaded || now - loaded >= _options.InstrumentRefreshInterval)
        {
            var instruments = await venue.GetInstrumentsAsync(cancellationToken);
            _instruments.Clear();
            foreach (var instrument in instruments)
            {
                _instruments[instrument.Symbol] = instrument;
            }

            _instrumentsLoadedAt = now;
        }
    }

    /// <summary>The venue's rules for <paramref name="symbol"/>, or null when it lists no such instrument.</summary>
    public Instrument? InstrumentOf(string symbol) =>
        InstrumentSymbol.TryParse(symbol, out var parsed) && _instruments.TryGetValue(parsed, out var instrument) ? instrument : null;

    /// <summary>Sets the symbol's leverage before its first entry under this lease; a refusal is logged, not fatal (it only changes the margin used).</summary>
    public async Task EnsureLeverageAsync(InstrumentSymbol symbol, CancellationToken cancellationToken)
    {
        if (_leverageSet.Contains(symbol))
        {
            return;
        }

        try
        {
            await venue.SetLeverageAsync(symbol, _options.Leverage, cancellationToken);
            _leverageSet.Add(symbol);
        }
        catch (BybitApiException exception)
        {
            Log.LeverageNotSet(logger, symbol.Value, _options.Leverage, exception.RetCode, exception.Message);
        }
    }
}
