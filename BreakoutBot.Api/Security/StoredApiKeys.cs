using System.Data.Common;
using BreakoutBot.Data;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Security;

/// <summary>
/// The keys issued through the Api (<c>api_keys</c>), not revoked: read from PostgreSQL at most every
/// <see cref="RefreshInterval"/>, so authenticating a request costs no query; this Api re-reads at once after it
/// issues or revokes one (another replica within the interval). When the database cannot be read the keys last read
/// stay in force, and the configured keys work regardless.
/// </summary>
public sealed class StoredApiKeys(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StoredApiKeys> logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<(string Name, IssuedKey Key)> _keys = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async ValueTask<IReadOnlyList<(string Name, IssuedKey Key)>> ActiveAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _readAt < RefreshInterval)
        {
            return _keys;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _readAt < RefreshInterval)
            {
                return _keys;
            }

            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<TradingDbContext>().ApiKeys.AsNoTracking()
                .Where(key => key.RevokedAt == null)
                .Select(key => new { key.Name, key.Hash, key.Role })
                .ToListAsync(cancellationToken);
            _keys = [.. rows.Select(row => (row.Name, new IssuedKey(row.Hash, Enum.Parse<ApiRole>(row.Role, ignoreCase: true))))];
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            Log.StoredKeysUnreadable(logger, exception.GetType().Name);
        }
        finally
        {
            _readAt = clock.GetUtcNow();
            _refresh.Release();
        }

        return _keys;
    }

    /// <summary>The next request reads the keys again (after this Api issued or revoked one).</summary>
    public void Invalidate() => _readAt = DateTimeOffset.MinValue;

    public void Dispose() => _refresh.Dispose();
}
