using System.Net;
using System.Text;
using BreakoutBot.Api.Errors;
using Microsoft.EntityFrameworkCore;

namespace BreakoutBot.Api.Tests;

/// <summary>Whatever a client sends, the answer is a 4xx ProblemDetails and nothing is written or sent.</summary>
public sealed class BadInputTests(ApiFixture api)
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "/api/engine/start", """{"preset":"breakout_v1","mode":"sim" """, "malformed JSON" },
        { "/api/engine/start", """{"preset":"breakout_v1","mode":"sim",}""", "trailing comma" },
        { "/api/engine/start", """{"preset":42,"mode":"sim"}""", "number for a string" },
        { "/api/engine/start", """{"preset":"breakout_v1","mode":"sim","presetVersion":"1"}""", "string for a number" },
        { "/api/engine/start", """{"preset":"breakout_v1","mode":"sim","presetVersion":1.5}""", "fraction for an integer" },
        { "/api/engine/start", """{"preset":"breakout_v1","mode":"sim","sneaky":true}""", "unknown field" },
        { "/api/engine/start", """{"mode":"sim"}""", "missing required field" },
        { "/api/engine/start", """{"preset":null,"mode":"sim"}""", "null for a required string" },
        { "/api/engine/start", """[]""", "array for an object" },
        { "/api/engine/start", "", "empty body" },
        { "/api/engine/kill", """{"flatten":"yes"}""", "string for a boolean" },
        { "/api/engine/kill", """{"flatten":1}""", "number for a boolean" },
        { "/api/presets", """{"name":"x","document":{},"comment":"c","extra":1}""", "unknown field on create" },
        { "/api/presets/validate", """{"name":"x"}""", "missing document" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_Is400ProblemAndNothingHappens(string path, string body, string why)
    {
        var (commands, audit, presets) = await CountsAsync();
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestData.Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), why);
        await Task.Delay(50, TestData.Cancel);
        Assert.Equal((commands, audit, presets), await CountsAsync());
    }

    [Fact]
    public async Task Put_WrongTypeForDocumentComment_Is400()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PutAsync(
            "/api/presets/breakout_v1", new StringContent("""{"document":{},"comment":7}""", Encoding.UTF8, "application/json"), TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task Post_HugePayload_Is413ProblemAndNothingIsStored()
    {
        var (_, audit, presets) = await CountsAsync();
        using var client = api.Client(ApiFixture.OperatorKey);
        var huge = """{"name":"huge","document":{"description":" """ + new string('x', 2 * 1024 * 1024) + "\"}}";

        // Expect: 100-continue lets the Api answer before the body is sent; without it the refusal races the upload and
        // the client can see a broken pipe instead of the 413.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/presets") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request, TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        var (_, auditAfter, presetsAfter) = await CountsAsync();
        Assert.Equal((audit, presets), (auditAfter, presetsAfter));
    }

    [Fact]
    public async Task Post_HugeChunkedPayload_IsRefused()
    {
        using var client = api.Client(ApiFixture.OperatorKey);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("""{"name":"huge","document":{"d":" """ + new string('x', 2 * 1024 * 1024) + "\"}}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/presets/validate") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Fact]
    public async Task Post_WrongContentType_Is415Problem()
    {
        using var client = api.Client(ApiFixture.OperatorKey);

        using var response = await client.PostAsync("/api/engine/kill", new StringContent("flatten=true", Encoding.UTF8, "application/x-www-form-urlencoded"), TestData.Cancel);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
    }

    public static TheoryData<string> InjectionQueries => new()
    {
        "/api/trading/trades?symbol=BTCUSDT'%20OR%201=1--",
        "/api/trading/trades?strategy=x';DROP%20TABLE%20trades;--",
        "/api/trading/trades?exitReason=%3Cscript%3Ealert(1)%3C/script%3E",
        "/api/trading/trades.csv?symbol=%22%3E%3Cimg%20src=x%3E",
        "/api/trading/orders?status=Filled'%20UNION%20SELECT%20*%20FROM%20audit_log--",
        "/api/trading/fills?orderId=1;SELECT%20pg_sleep(5)",
        "/api/trading/positions?symbol=$(rm%20-rf%20/)",
        "/api/trading/positions?status=open%20OR%201=1",
        "/api/scanner/signals?outcome=Approved%27--",
        "/api/scanner/signals?side=1",
        "/api/audit?source=api%00",
        "/api/trading/trades?direction=sideways",
        "/api/trading/trades?page=abc",
        "/api/trading/trades?from=yesterday",
        "/api/trading/trades?pageSize=99999999999999999999",
        "/api/events?after=0-0'%20OR%201",
        "/api/events?stream=commands",
    };

    [Theory]
    [MemberData(nameof(InjectionQueries))]
    public async Task Get_InjectionOrWrongTypeInQuery_Is400Problem(string path)
    {
        using var client = api.Client();

        using var response = await client.GetAsync(path, TestData.Cancel);

        var body = await response.Content.ReadAsStringAsync(TestData.Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("urn:breakoutbot:problem:", body, StringComparison.Ordinal);
    }

    private async Task<(int Commands, int Audit, int Presets)> CountsAsync()
    {
        await using var database = api.CreateDatabase();
        return (api.Executor.Received.Count, await database.AuditLog.CountAsync(TestData.Cancel), await database.PresetVersions.CountAsync(TestData.Cancel));
    }
}
