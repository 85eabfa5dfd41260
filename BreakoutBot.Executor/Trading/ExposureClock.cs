using BreakoutBot.Data.Trading;
using Microsoft.Extensions.Options;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// How long each position has been exposed: open quantity and no working venue stop. It owns nothing but the rules (the
/// position row is the memory: <c>unprotected_since</c>, the summed and the longest episode): an episode starts once,
/// at the first moment seen, and ends when a stop is confirmed working or nothing is open, adding its length to the
/// position's figures, the <c>breakoutbot.executor.unprotected_duration</c> histogram and the log. With
/// <see cref="StopPlacement.Local"/> the executor itself is the stop, so nothing is ever counted.
/// </summary>
public sealed class ExposureClock(IOptions<ExecutorOptions> options, ExecutorMetrics metrics, TimeProvider clock, ILogger<ExposureClock> logger)
{
    private readonly bool _venueStops = options.Value.StopPlacement == StopPlacement.Venue;

    /// <summary>Starts an episode (unless one is running) or ends it, by whether the position is exposed now.</summary>
    public void Track(PositionRecord position, bool exposed)
    {
        if (exposed)
        {
            Start(position);
        }
        else
        {
            End(position);
        }
    }

    /// <summary>The position has open quantity and no working stop from now (unless that was already known).</summary>
    public void Start(PositionRecord position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!_venueStops || position.UnprotectedSince is not null)
        {
            return;
        }

        position.UnprotectedSince = clock.GetUtcNow();
        Log.PositionUnprotected(logger, position.PositionId, position.Symbol, position.OpenQuantity);
    }

    /// <summary>A stop is confirmed working, or nothing is open: the episode (if any) ends and is added up.</summary>
    public void End(PositionRecord position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.UnprotectedSince is not { } since)
        {
            return;
        }

        var seconds = Math.Max(0m, (decimal)(clock.GetUtcNow() - since).TotalSeconds);
        position.UnprotectedSince = null;
        position.UnprotectedSeconds += seconds;
        position.LongestUnprotectedSeconds = Math.Max(position.LongestUnprotectedSeconds, seconds);
        metrics.UnprotectedEpisode((double)seconds, position.Symbol);
        Log.PositionProtected(logger, position.PositionId, seconds);
    }
}
