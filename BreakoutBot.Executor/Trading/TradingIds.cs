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

    public static string Entry(string positionId) => positionId + "-e";

    public static string TakeProfit(string positionId, int rung) => positionId + "-t" + rung.ToString(CultureInfo.InvariantCulture);

    public static string Stop(string positionId, int sequence) => positionId + "-s" + sequence.ToString(CultureInfo.InvariantCulture);

    public static string Exit(string positionId, int sequence) => positionId + "-x" + sequence.ToString(CultureInfo.InvariantCulture);

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
