namespace BreakoutBot.Simulator.Trading;

/// <summary>
/// Keeps the venue moving whether or not anybody is connected: every <see cref="Interval"/> the exchange meets the
/// market's new prints (stops trigger, resting orders fill, position TP/SL fire) and settles funding that fell due.
/// A stop therefore protects a position while the client that placed it is down, as on a real venue.
/// </summary>
public sealed class VenueHeartbeat(SimulatedExchange exchange, TimeProvider clock, ILogger<VenueHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    exchange.Tick();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One bad step must not stop the venue; the next beat tries again.
                    Log.VenueStepFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
