using System.Text.Json;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Data;
using BreakoutBot.Data.Scanning;
using BreakoutBot.Messaging.Streams;

namespace BreakoutBot.Scanner.Publishing;

/// <summary>Writes one summary row per preset <c>scan_interval_seconds</c> to PostgreSQL (history beyond the live snapshot).</summary>
public sealed class ScanSummaryWriter(IServiceScopeFactory scopes)
{
    private const int TopCandidates = 10;
    private DateTimeOffset? _lastWritten;

    /// <summary>Writes a row when at least <paramref name="interval"/> passed since the last one; returns whether it wrote.</summary>
    public async Task<bool> WriteIfDueAsync(ScanSnapshot snapshot, int signalsEmitted, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_lastWritten is { } last && snapshot.At - last < interval)
        {
            return false;
        }

        var top = snapshot.Symbols.Where(row => row.Rank is not null).OrderBy(row => row.Rank).Take(TopCandidates)
            .Select(row => new { row.Symbol, row.Rank, row.Score });
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        database.ScanSummaries.Add(new ScanSummaryRecord
        {
            At = snapshot.At,
            CandleOpenTime = snapshot.CandleOpenTime,
            SymbolsTracked = snapshot.SymbolsTracked,
            SymbolsPassed = snapshot.SymbolsPassed,
            SignalsEmitted = signalsEmitted,
            EvaluationMilliseconds = snapshot.EvaluationMilliseconds,
            TopCandidatesJson = JsonSerializer.Serialize(top, MessageJson.Options),
            PresetName = snapshot.PresetName,
        });
        await database.SaveChangesAsync(cancellationToken);
        _lastWritten = snapshot.At;
        return true;
    }
}
