using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>Healthy when Redis accepts the password and answers <c>PING</c> (spoken in RESP over a plain socket).</summary>
public sealed class RedisPingHealthCheck(LocalRedisResource redis) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var endpoint = redis.PrimaryEndpoint;
            var password = await redis.Password.GetValueAsync(timeout.Token) ?? string.Empty;
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            await using var stream = client.GetStream();

            await stream.WriteAsync(Command("AUTH", password), timeout.Token);
            await stream.WriteAsync(Command("PING"), timeout.Token);
            var replies = await ReadRepliesAsync(stream, expectedLines: 2, timeout.Token);
            return replies is ["+OK", "+PONG"]
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Redis answered '{string.Join(" | ", replies)}' instead of +OK, +PONG.");
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Redis is not answering yet.", exception);
        }
    }

    private static byte[] Command(params string[] parts)
    {
        var text = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            text.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<string[]> ReadRepliesAsync(NetworkStream stream, int expectedLines, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[256];
        while (received.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length < expectedLines)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return received.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
