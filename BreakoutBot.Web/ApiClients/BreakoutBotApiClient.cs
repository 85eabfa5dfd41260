using System.Globalization;
using System.Text;
using System.Text.Json;
using BreakoutBot.Contracts;
using BreakoutBot.Contracts.Backtests;
using BreakoutBot.Contracts.Commands;
using BreakoutBot.Contracts.Engine;
using BreakoutBot.Contracts.Info;
using BreakoutBot.Contracts.Market;
using BreakoutBot.Contracts.Paging;
using BreakoutBot.Contracts.Performance;
using BreakoutBot.Contracts.Presets;
using BreakoutBot.Contracts.Scanner;
using BreakoutBot.Contracts.Security;
using BreakoutBot.Contracts.Trading;
using BreakoutBot.Identity;
using BreakoutBot.Web.Identity;

namespace BreakoutBot.Web.ApiClients;

/// <summary>
/// The console's only way to the system: the Api over HTTP. Every call answers an <see cref="ApiResult{T}"/>: a
/// value, or the Api's ProblemDetails (validation errors keyed by JSON path) or the reason it could not be reached.
/// Every change (commands, presets) is made only for a signed-in person whose role allows it: an operator, and an
/// admin to start a real venue; anyone else is answered 403 here, before the Api is asked. Each request names the
/// person (<see cref="ConsoleHeaders"/>) so the Api's audit log records who acted.
/// </summary>
public sealed class BreakoutBotApiClient(HttpClient http, IConsolePeople people, ILogger<BreakoutBotApiClient> logger)
{
    private static readonly JsonSerializerOptions Json = ContractJson.Options;

    public async Task<ApplicationInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<ApplicationInfo>("/api/info", Json, cancellationToken)
        ?? throw new InvalidOperationException("The Api answered /api/info with an empty body.");

    public Task<ApiResult<ApplicationInfo>> InfoAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ApplicationInfo>("/api/info", cancellationToken);

    // Engine
    public Task<ApiResult<EngineStatus>> EngineStatusAsync(CancellationToken cancellationToken = default) =>
        GetAsync<EngineStatus>("/api/engine/status", cancellationToken);

    public Task<ApiResult<CommandResult>> StartEngineAsync(string preset, int? presetVersion, string mode, string? confirmLive, CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, "/api/engine/start", new StartEngineRequest(preset, mode, presetVersion, confirmLive), cancellationToken,
            mode is "sim" or "paper" ? ConsoleRoles.Operator : ConsoleRoles.Admin);

    public Task<ApiResult<CommandResult>> PauseEngineAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, "/api/engine/pause", null, cancellationToken);

    public Task<ApiResult<CommandResult>> ResumeEngineAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, "/api/engine/resume", null, cancellationToken);

    public Task<ApiResult<CommandResult>> StopEngineAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, "/api/engine/stop", null, cancellationToken);

    public Task<ApiResult<CommandResult>> KillEngineAsync(bool flatten, CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, "/api/engine/kill", new KillEngineRequest(flatten), cancellationToken);

    public Task<ApiResult<CommandResult>> ResetKillSwitchAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, "/api/engine/reset-kill-switch", null, cancellationToken);

    // Presets
    public Task<ApiResult<IReadOnlyList<PresetSummary>>> PresetsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<PresetSummary>>("/api/presets", cancellationToken);

    public Task<ApiResult<PresetDocument>> PresetAsync(string name, int? version, CancellationToken cancellationToken = default) =>
        GetAsync<PresetDocument>($"/api/presets/{Uri.EscapeDataString(name)}{Query(("version", version))}", cancellationToken);

    public Task<ApiResult<IReadOnlyList<PresetSummary>>> PresetVersionsAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<PresetSummary>>($"/api/presets/{Uri.EscapeDataString(name)}/versions", cancellationToken);

    public Task<ApiResult<PresetDiff>> PresetDiffAsync(string name, int? version, CancellationToken cancellationToken = default) =>
        GetAsync<PresetDiff>($"/api/presets/{Uri.EscapeDataString(name)}/diff{Query(("version", version))}", cancellationToken);

    public Task<ApiResult<PresetDocument>> UpdatePresetAsync(string name, JsonElement document, string? comment, CancellationToken cancellationToken = default) =>
        SendAsync<PresetDocument>(HttpMethod.Put, $"/api/presets/{Uri.EscapeDataString(name)}", new UpdatePresetRequest(document, comment), cancellationToken);

    // Backtests
    public Task<ApiResult<Page<BacktestRunSummary>>> BacktestsAsync(string? preset, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<Page<BacktestRunSummary>>($"/api/backtests{Query(("preset", preset), ("page", page), ("pageSize", pageSize))}", cancellationToken);

    /// <summary>The data sets the backtester holds, for a run's <c>market.dataSet</c>.</summary>
    public Task<ApiResult<List<BacktestDataSetView>>> BacktestDataSetsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<BacktestDataSetView>>("/api/backtests/data-sets", cancellationToken);

    public Task<ApiResult<BacktestRunDetails>> BacktestAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<BacktestRunDetails>($"/api/backtests/{id}", cancellationToken);

    /// <summary>Queues a backtest (operator); the answer is the queued run.</summary>
    public Task<ApiResult<BacktestRunSummary>> StartBacktestAsync(StartBacktestRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<BacktestRunSummary>(HttpMethod.Post, "/api/backtests", request, cancellationToken);

    public Task<ApiResult<BacktestRunSummary>> CancelBacktestAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<BacktestRunSummary>(HttpMethod.Post, $"/api/backtests/{id}/cancel", null, cancellationToken);

    /// <summary>A finished backtest's self-contained HTML report.</summary>
    public async Task<ApiResult<string>> BacktestReportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"/api/backtests/{id}/report", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode
                ? new ApiResult<string>(await response.Content.ReadAsStringAsync(cancellationToken), null)
                : new ApiResult<string>(null, await ReadProblemAsync(response, cancellationToken));
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            return new ApiResult<string>(null, ApiProblem.Unreachable(Describe(exception)));
        }
    }

    // Scanner
    public Task<ApiResult<ScanSnapshot>> LatestScanAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ScanSnapshot>("/api/scanner/latest", cancellationToken);

    public Task<ApiResult<SymbolScan>> ScannedSymbolAsync(string symbol, CancellationToken cancellationToken = default) =>
        GetAsync<SymbolScan>($"/api/scanner/symbols/{Uri.EscapeDataString(symbol)}", cancellationToken);

    public Task<ApiResult<Page<SignalView>>> SignalsAsync(string? symbol, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<Page<SignalView>>($"/api/scanner/signals{Query(("symbol", symbol), ("page", page), ("pageSize", pageSize))}", cancellationToken);

    // Trading
    public Task<ApiResult<IReadOnlyList<PositionView>>> PositionsAsync(string status = "open", string? symbol = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<PositionView>>($"/api/trading/positions{Query(("status", status), ("symbol", symbol))}", cancellationToken);

    public Task<ApiResult<Page<DriftView>>> DriftAsync(string? symbol, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<Page<DriftView>>($"/api/trading/drift{Query(("symbol", symbol), ("page", page), ("pageSize", pageSize))}", cancellationToken);

    public Task<ApiResult<CommandResult>> ClosePositionAsync(string positionId, decimal percent, CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, $"/api/trading/positions/{Uri.EscapeDataString(positionId)}/close", new ClosePositionRequest(percent), cancellationToken);

    public Task<ApiResult<CommandResult>> MoveStopToBreakevenAsync(string positionId, CancellationToken cancellationToken = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, $"/api/trading/positions/{Uri.EscapeDataString(positionId)}/breakeven", null, cancellationToken);

    public Task<ApiResult<Page<OrderView>>> OrdersAsync(string? symbol, string? status, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<Page<OrderView>>($"/api/trading/orders{Query(("symbol", symbol), ("status", status), ("page", page), ("pageSize", pageSize))}", cancellationToken);

    public Task<ApiResult<Page<FillView>>> FillsAsync(string? symbol, int page, int pageSize, CancellationToken cancellationToken = default) =>
        GetAsync<Page<FillView>>($"/api/trading/fills{Query(("symbol", symbol), ("page", page), ("pageSize", pageSize))}", cancellationToken);

    public Task<ApiResult<Page<TradeView>>> TradesAsync(TradeFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return GetAsync<Page<TradeView>>($"/api/trading/trades{filter.ToQuery(("page", page), ("pageSize", pageSize))}", cancellationToken);
    }

    /// <summary>The Api's CSV export of the trade journal with the same filters; null body with the problem when refused.</summary>
    public async Task<ApiResult<byte[]>> TradesCsvAsync(TradeFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        try
        {
            using var response = await http.GetAsync(new Uri($"/api/trading/trades.csv{filter.ToQuery()}", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode
                ? new ApiResult<byte[]>(await response.Content.ReadAsByteArrayAsync(cancellationToken), null)
                : new ApiResult<byte[]>(null, await ReadProblemAsync(response, cancellationToken));
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            return new ApiResult<byte[]>(null, ApiProblem.Unreachable(Describe(exception)));
        }
    }

    // Performance
    public Task<ApiResult<IReadOnlyList<ApiKeyView>>> ApiKeysAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ApiKeyView>>("/api/keys", cancellationToken);

    /// <summary>Issues a key (admin); the answer holds its text, shown once.</summary>
    public Task<ApiResult<IssuedApiKey>> CreateApiKeyAsync(string name, string role, CancellationToken cancellationToken = default) =>
        SendAsync<IssuedApiKey>(HttpMethod.Post, "/api/keys", new CreateApiKeyRequest(name, role), cancellationToken, ConsoleRoles.Admin);

    public Task<ApiResult<ApiKeyView>> RevokeApiKeyAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync<ApiKeyView>(HttpMethod.Delete, $"/api/keys/{Uri.EscapeDataString(name)}", null, cancellationToken, ConsoleRoles.Admin);

    public Task<ApiResult<PerformanceSummary>> PerformanceSummaryAsync(DateTimeOffset? from, CancellationToken cancellationToken = default) =>
        GetAsync<PerformanceSummary>($"/api/performance/summary{Query(("from", from))}", cancellationToken);

    public Task<ApiResult<IReadOnlyList<EquityPoint>>> EquityAsync(DateTimeOffset? from, int maxPoints = 500, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<EquityPoint>>($"/api/performance/equity{Query(("from", from), ("maxPoints", maxPoints))}", cancellationToken);

    public Task<ApiResult<IReadOnlyList<RBucket>>> RDistributionAsync(DateTimeOffset? from, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RBucket>>($"/api/performance/r-distribution{Query(("from", from))}", cancellationToken);

    public Task<ApiResult<IReadOnlyList<SymbolPerformance>>> SymbolPerformanceAsync(DateTimeOffset? from, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<SymbolPerformance>>($"/api/performance/symbols{Query(("from", from))}", cancellationToken);

    // Market
    public Task<ApiResult<ChartData>> ChartAsync(string symbol, string interval, int limit, CancellationToken cancellationToken = default) =>
        GetAsync<ChartData>($"/api/market/candles/{Uri.EscapeDataString(symbol)}{Query(("interval", interval), ("limit", limit))}", cancellationToken);

    /// <summary>A query string from the non-null pairs (times as ISO-8601 UTC, numbers invariant).</summary>
    public static string Query(params (string Name, object? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var parts = pairs.Where(pair => pair.Value is not null && (pair.Value is not string text || text.Length > 0))
            .Select(pair => pair.Name + "=" + Uri.EscapeDataString(pair.Value switch
            {
                DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other!.ToString()!,
            }))
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (await people.CurrentAsync() is { } person)
            {
                ConsoleHeaders.Name(request, person);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync<T>(response, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            return new ApiResult<T>(default, ApiProblem.Unreachable(Describe(exception)));
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, string required = ConsoleRoles.Operator)
    {
        var person = await people.CurrentAsync();
        if (person is null || !person.May(required))
        {
            var who = person is null ? "Nobody is signed in" : $"You are signed in as {person.Name} with the {person.Role} role";
            Log.ActionRefused(logger, person?.Name ?? "nobody", person?.Role ?? "none", $"{method} {path}", required);
            return new ApiResult<T>(default, new ApiProblem(StatusCodes.Status403Forbidden, "Not allowed",
                $"{who}; this needs the {required} role.", new Dictionary<string, string[]>(StringComparer.Ordinal)));
        }

        try
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            ConsoleHeaders.Name(request, person);
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync<T>(response, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            return new ApiResult<T>(default, ApiProblem.Unreachable(Describe(exception)));
        }
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(default, await ReadProblemAsync(response, cancellationToken));
        }

        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return value is null
                ? new ApiResult<T>(default, new ApiProblem((int)response.StatusCode, "The Api answered with an empty body", null, NoErrors()))
                : new ApiResult<T>(value, null);
        }
        catch (JsonException exception)
        {
            return new ApiResult<T>(default, new ApiProblem((int)response.StatusCode, "The Api's answer could not be read", exception.Message, NoErrors()));
        }
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var fallbackTitle = status switch
        {
            401 => "The console has no valid API key for this action (configure Api:Key)",
            403 => "The console's API key may not do this",
            429 => "Too many changes; wait a moment",
            _ => response.ReasonPhrase ?? "The Api refused the request",
        };
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ApiProblem(status, fallbackTitle, null, NoErrors());
            }

            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ApiProblem(status, fallbackTitle, null, NoErrors());
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in errorsElement.EnumerateObject())
                {
                    errors[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                        ? [.. property.Value.EnumerateArray().Select(item => item.ToString())]
                        : [property.Value.ToString()];
                }
            }

            var title = root.TryGetProperty("title", out var titleElement) && titleElement.ValueKind == JsonValueKind.String
                ? titleElement.GetString()! : fallbackTitle;
            if (status == 401)
            {
                title = fallbackTitle;
            }

            var detail = root.TryGetProperty("detail", out var detailElement) && detailElement.ValueKind == JsonValueKind.String ? detailElement.GetString() : null;
            return new ApiProblem(status, title, detail, errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, fallbackTitle, null, NoErrors());
        }
    }

    /// <summary>No answer in time, a refused connection or an open circuit: a problem to show, not a crash of the circuit.</summary>
    private static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(Exception exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException or OperationCanceledException => "no answer in time",
        Polly.CircuitBreaker.BrokenCircuitException => "too many failures in a row; calls are paused for a moment",
        _ => exception.Message,
    };

    private static Dictionary<string, string[]> NoErrors() => new(StringComparer.Ordinal);
}
