using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Data.Backtests;

/// <summary>
/// The data sets the backtester holds, as it last reported them: it replaces the list whenever its data directory
/// changes, and the Api and the console read it.
/// </summary>
public sealed class BacktestDataSetCatalog(TradingDbContext database, TimeProvider clock)
{
    /// <summary>Every data set, by name.</summary>
    public async Task<IReadOnlyList<BacktestDataSetRecord>> ListAsync(CancellationToken cancellationToken) =>
        await database.BacktestDataSets.AsNoTracking().OrderBy(dataSet => dataSet.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// Makes the catalog hold exactly <paramref name="found"/> (name → kline files): new names are added, gone ones
    /// removed, a changed symbol count updated; unchanged entries keep when they were listed. True when anything changed.
    /// </summary>
    public async Task<bool> ReplaceAsync(IReadOnlyDictionary<string, int> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var now = clock.GetUtcNow();
        var stored = await database.BacktestDataSets.ToDictionaryAsync(dataSet => dataSet.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var gone in stored.Values.Where(dataSet => !found.ContainsKey(dataSet.Name)))
        {
            database.BacktestDataSets.Remove(gone);
        }

        foreach (var (name, symbols) in found)
        {
            if (!stored.TryGetValue(name, out var existing))
            {
                database.BacktestDataSets.Add(new BacktestDataSetRecord { Name = name, Symbols = symbols, ListedAt = now });
            }
            else if (existing.Symbols != symbols)
            {
                (existing.Symbols, existing.ListedAt) = (symbols, now);
            }
        }

        return await database.SaveChangesAsync(cancellationToken) > 0;
    }
}
