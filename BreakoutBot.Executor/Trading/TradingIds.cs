using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BreakoutBot.Executor.Trading;

/// <summary>
/// Ids chosen before anything is sent, deterministic where a replay must land on the same row: the position (and so
/// its entry orderLinkId) derives from the signal id, so a signal delivered twice cannot produce two entries.
/// orderLinkIds stay within Bybit's 36 characters.
/// </summary>
internal static class TradingIds
{
    public static string PositionFor(string signalId) =>
        "p" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signalId)))[..24];

    /// <summary>The trade a position leaves: its id with the position's one-letter prefix replaced by <c>t</c>.</summary>
    public static string TradeOf(string positionId) => "t" + positionId[1..];

    /// <summary>Entry slice <paramref name="slice"/> (1-based) of the position.</summary>
    public static string EntrySlice(string positionId, int slice) => positionId + "-e" + slice.ToString(CultureInfo.InvariantCulture);

    /// <summary>The market order that completes a passive entry slice whose window ended unfilled or part-filled.</summary>
    public static string EntryFallback(string positionId, int slice) => EntrySlice(positionId, slice) + "m";

    /// <summary>The slice (1-based) of an entry orderLinkId and whether it is the slice's market fallback, or null.</summary>
    public static (int Slice, bool IsFallback)? SliceOf(string orderLinkId)
    {
        var index = orderLinkId.LastIndexOf("-e", StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var tail = orderLinkId.AsSpan(index + 2);
        var isFallback = tail.EndsWith("m");
        var digits = isFallback ? tail[..^1] : tail;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var slice) && slice > 0 ? (slice, isFallback) : null;
    }

    /// <summary>The add-on order of a position: one per position, so the id itself says whether it was added to.</summary>
    public static string AddOn(string positionId) => positionId + "-a1";

    public static string TakeProfit(string positionId, int rung) => positionId + "-t" + rung.ToString(CultureInfo.InvariantCulture);

    public static string Stop(string positionId, int sequence) => positionId + "-s" + sequence.ToString(CultureInfo.InvariantCulture);

    public static string Exit(string positionId, int sequence) => positionId + "-x" + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The exit an operator's close command sends, derived from the command id: a command delivered again after a crash
    /// (before its acknowledgement was written) lands on the same orderLinkId, so the venue takes it once.
    /// </summary>
    public static string CommandExit(string positionId, string commandId) =>
        positionId + "-m" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(commandId)))[..8];

    /// <summary>The rung of a take-profit orderLinkId (1-based), or null.</summary>
    public static int? RungOf(string orderLinkId)
    {
        var index = orderLinkId.LastIndexOf("-t", StringComparison.Ordinal);
        return index >= 0 && int.TryParse(orderLinkId.AsSpan(index + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var rung) ? rung : null;
    }

    /// <summary>A fill derived from an order's cumulative executed quantity: one id per (order, cumulative quantity).</summary>
    public static string Fill(string orderLinkId, decimal cumulativeQuantity) =>
        orderLinkId + ":" + cumulativeQuantity.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string NewEventId() => Guid.NewGuid().ToString("N");
}
