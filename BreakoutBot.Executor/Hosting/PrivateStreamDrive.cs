using BreakoutBot.Bybit.WebSocket;
using BreakoutBot.Executor.Trading;

namespace BreakoutBot.Executor.Hosting;

/// <summary>
/// The push drive: every order, execution, position or wallet message from the venue's private stream wakes the
/// management round at once (instead of at the next poll), and every reconnect triggers a reconciliation, because
/// pushes may have been missed while the stream was down. The REST poll keeps running underneath, so a stream that
/// cannot connect only costs latency.
/// </summary>
public sealed class PrivateStreamDrive(BybitPrivateStreamClient stream, TradingEngine engine, ILogger<PrivateStreamDrive> logger)
{
    private int _started;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                await stream.StartAsync(cancellationToken);
                Log.PrivateStreamStarted(logger);
            }

            await foreach (var message in stream.Events.ReadAllAsync(cancellationToken))
            {
                if (message is PrivateStreamReconnected)
                {
                    Log.PrivateStreamReconnected(logger);
                    try
                    {
                        await engine.ReconcileAsync(cancellationToken);
                    }
#pragma warning disable CA1031 // The periodic reconciliation repeats it; the drive must go on.
                    catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
                    {
                        Log.LoopFailed(logger, exception);
                    }
                }

                engine.Wake();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The lease ended or the host stops.
        }
        catch (Exception exception) when (exception is BybitStreamException or System.Net.WebSockets.WebSocketException or HttpRequestException)
        {
            Log.PrivateStreamUnavailable(logger, exception);
            Interlocked.Exchange(ref _started, 0);
            await WaitUntilCancelledAsync(cancellationToken);
        }
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }
}
