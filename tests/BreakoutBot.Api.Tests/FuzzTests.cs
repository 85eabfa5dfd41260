using System.Text;
using System.Text.Json;
using BreakoutBot.Api.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Tests;

/// <summary>
/// Hostile input at every endpoint of the served OpenAPI document and at the hub: malformed JSON, wrong types, huge
/// and deeply nested bodies, path traversal, script and CSV-formula payloads in every path and query parameter and
/// every body field. The Api answers each with a 4xx (never a 5xx), stores nothing and sends no command.
/// </summary>
public sealed class FuzzTests(ApiFixture api)
{
    private static readonly string[] HostileStrings =
    [
        "../../../../etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "'; DROP TABLE trades; --",
        "\u0000\u001f\u202e",
        "-1",
        "99999999999999999999999999999",
        "NaN",
        new string('A', 2_000),
    ];

    private static readonly int[] WrongTypeArray = [1, 2];

    private static readonly string[] MalformedBodies =
    [
        "{not json",
        "[]",
        "\"text\"",
        "123",
        "null",
        "{\"a\":",
        string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)),
    ];

    [Fact]
    public async Task EveryEndpoint_HostileInput_IsA4xxAndChangesNothing()
    {
        using var client = api.Client(ApiFixture.WebKey);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestData.Cancel));
        var presetsBefore = await PresetCountAsync();
        var commandsBefore = api.Executor.Received.Count;
        var failures = new List<string>();
        var requests = 0;

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                var bodyFields = BodyFields(document.RootElement, operation.Value);
                var hasBody = operation.Value.TryGetProperty("requestBody", out _);
                if (parameters.Count == 0 && !hasBody)
                {
                    continue; // nothing a caller controls (and, for commands, a valid request that would be sent)
                }

                foreach (var request in Requests(path.Name, method, parameters, hasBody, bodyFields))
                {
                    requests++;
                    using var message = request;
                    var description = $"{message.Method} {message.RequestUri}";
                    try
                    {
                        using var response = await client.SendAsync(message, TestData.Cancel);
                        if ((int)response.StatusCode >= 500 || (hasBody && response.IsSuccessStatusCode && message.Method != HttpMethod.Get))
                        {
                            failures.Add($"{description} → {(int)response.StatusCode}");
                        }
                    }
                    catch (HttpRequestException exception)
                    {
                        failures.Add($"{description} → {exception.Message} {exception.InnerException?.Message}");
                    }
                }
            }
        }

        Assert.True(requests > 500, $"{requests} hostile requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(presetsBefore, await PresetCountAsync());
        Assert.Equal(commandsBefore, api.Executor.Received.Count);
    }

    [Fact]
    public async Task Hub_HostileArguments_AreErrorsToTheCaller_TheConnectionStaysUp()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, HubEventNames.HubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(ApiFixture.ViewerKey))
            .Build();
        await connection.StartAsync(TestData.Cancel);

        foreach (var stream in HostileStrings)
        {
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("GetMissedEvents", stream, null, 10, TestData.Cancel));
        }

        foreach (var after in HostileStrings)
        {
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("GetMissedEvents", "trading-events", after, 10, TestData.Cancel));
        }

        foreach (var limit in (int[])[-1, 0, int.MaxValue])
        {
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("GetMissedEvents", "trading-events", null, limit, TestData.Cancel));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<JsonElement>("GetMissedEvents", 42, new { x = 1 }, "many", TestData.Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<JsonElement>("NoSuchMethod", TestData.Cancel));

        Assert.Equal(HubConnectionState.Connected, connection.State);
        var events = await connection.InvokeAsync<JsonElement>("GetMissedEvents", "trading-events", null, 5, TestData.Cancel);
        Assert.Equal(JsonValueKind.Array, events.ValueKind);
    }

    private static IEnumerable<HttpRequestMessage> Requests(string template, HttpMethod method, List<JsonElement> parameters, bool hasBody, IReadOnlyList<string> bodyFields)
    {
        var pathNames = parameters.Where(parameter => parameter.GetProperty("in").GetString() == "path").Select(parameter => parameter.GetProperty("name").GetString()!).ToList();
        var queryNames = parameters.Where(parameter => parameter.GetProperty("in").GetString() == "query").Select(parameter => parameter.GetProperty("name").GetString()!).ToList();
        string Path(string value) => pathNames.Aggregate(template, (path, name) => path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal));
        var validPath = Path("breakout_v1");

        foreach (var hostile in HostileStrings)
        {
            if (pathNames.Count > 0)
            {
                yield return Request(method, Path(hostile), hasBody ? "{}" : null);
            }

            foreach (var name in queryNames)
            {
                yield return Request(method, $"{validPath}?{name}={Uri.EscapeDataString(hostile)}", hasBody ? "{}" : null);
            }

            if (hasBody)
            {
                // Every field of the body schema set to the hostile text, then to a wrong type.
                yield return Request(method, validPath, JsonSerializer.Serialize(bodyFields.ToDictionary(field => field, _ => (object)hostile)));
            }
        }

        if (!hasBody)
        {
            yield break;
        }

        foreach (var body in MalformedBodies)
        {
            yield return Request(method, validPath, body);
        }

        yield return Request(method, validPath, JsonSerializer.Serialize(bodyFields.ToDictionary(field => field, _ => (object)WrongTypeArray)));
        // Over Api:MaxRequestBodyBytes: announced with Expect: 100-continue, as an upload that large should be, so
        // the 413 is heard before the body is sent.
        var huge = Request(method, validPath, "{\"padding\":\"" + new string('x', 400 * 1024) + "\"}");
        huge.Headers.ExpectContinue = true;
        yield return huge;
        var wrongType = Request(method, validPath, "{}");
        wrongType.Content = new StringContent("<xml/>", Encoding.UTF8, "application/xml");
        yield return wrongType;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body) => new(method, new Uri(path, UriKind.Relative))
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };

    /// <summary>The property names of the operation's JSON body schema (empty without a body).</summary>
    private static IReadOnlyList<string> BodyFields(JsonElement root, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json)
            || !json.GetProperty("schema").TryGetProperty("$ref", out var reference))
        {
            return [];
        }

        var schema = root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(property => property.Name)] : [];
    }

    private async Task<int> PresetCountAsync()
    {
        await using var database = api.CreateDatabase();
        return await database.PresetVersions.CountAsync(TestData.Cancel);
    }
}
