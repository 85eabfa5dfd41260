using System.Globalization;

namespace BreakoutBot.Simulator.Api;

/// <summary>Bybit-style cursor paging over a list: the cursor is opaque to clients (here, the offset of the next page).</summary>
internal static class Paging
{
    public static bool TryPage<T>(IReadOnlyList<T> items, int? limit, string? cursor, int defaultLimit, int maxLimit, out List<T> page, out string nextPageCursor, out string problem)
    {
        page = [];
        nextPageCursor = "";
        var size = limit ?? defaultLimit;
        if (size < 1 || size > maxLimit)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"params error: limit must be within [1, {maxLimit}]");
            return false;
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(cursor)
            && !(cursor.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(cursor.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            problem = "params error: cursor invalid";
            return false;
        }

        page = [.. items.Skip(offset).Take(size)];
        nextPageCursor = offset + size < items.Count ? string.Create(CultureInfo.InvariantCulture, $"offset:{offset + size}") : "";
        problem = "";
        return true;
    }
}
