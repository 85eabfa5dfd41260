using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BreakoutBot.Executor.Lease;

/// <summary>
/// Exactly one trading executor per account: a PostgreSQL session-level advisory lock held on a dedicated,
/// unpooled connection. The lock lives exactly as long as that connection, so a crashed or partitioned holder loses it
/// when PostgreSQL drops the session, and a standby takes it. <see cref="IsHeld"/> is checked before every order is
/// sent, so losing the lease stops order placement first.
/// </summary>
public sealed class AccountLease(string connectionString, string account) : IAsyncDisposable
{
    private readonly long _key = KeyOf(account);
    private NpgsqlConnection? _connection;
    private volatile bool _held;

    public bool IsHeld => _held;

    /// <summary>Tries once to take the lease; true when this instance now holds it.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_held)
        {
            return true;
        }

        await ReleaseConnectionAsync();
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", _key);
            var acquired = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (!acquired)
            {
                await connection.DisposeAsync();
                return false;
            }

            _connection = connection;
            _held = true;
            return true;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks that the lease connection is alive; a failure marks the lease lost.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        if (!_held || _connection is null)
        {
            return false;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            _held = false;
            return false;
        }
    }

    /// <summary>Gives the lease up (closing the session releases the lock).</summary>
    public async Task ReleaseAsync()
    {
        _held = false;
        await ReleaseConnectionAsync();
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();

    private async Task ReleaseConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private static long KeyOf(string account) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("breakoutbot-executor:" + account)), 0);
}
