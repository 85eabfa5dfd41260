using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Paging;

/// <summary>The one way a list endpoint reads a page: the filtered total, then the requested rows in the given order.</summary>
internal static class PagedQuery
{
    public static async Task<(List<T> Rows, int Total)> ReadPageAsync<T>(
        this IQueryable<T> filtered, Func<IQueryable<T>, IOrderedQueryable<T>> order, int number, int size, CancellationToken cancellationToken)
    {
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await order(filtered).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return (rows, total);
    }
}
