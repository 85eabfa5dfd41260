using System.Net;
using System.Text;

namespace BreakoutBot.Web.Tests;

/// <summary>Answers the console's calls from canned routes (method + path, query ignored unless given) and records every request.</summary>
public sealed class StubApiHandler : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, Func<HttpStatusCode> Status, Func<string> Body)> _routes = [];

    public List<(HttpMethod Method, string PathAndQuery, string? Body)> Requests { get; } = [];

    /// <summary>The person each request named (<c>X-On-Behalf-Of</c>, <c>X-On-Behalf-Of-Role</c>), in order; empty strings when none.</summary>
    public List<(string User, string Role)> People { get; } = [];

    public StubApiHandler On(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes.Insert(0, (method, path, () => status, () => json));
        return this;
    }

    public StubApiHandler Get(string path, string json, HttpStatusCode status = HttpStatusCode.OK) => On(HttpMethod.Get, path, json, status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        lock (Requests)
        {
            Requests.Add((request.Method, pathAndQuery, body));
            People.Add((Header(request, "X-On-Behalf-Of"), Header(request, "X-On-Behalf-Of-Role")));
        }

        var path = request.RequestUri.AbsolutePath;
        foreach (var route in _routes)
        {
            if (route.Method == request.Method && (route.Path == path || route.Path == pathAndQuery))
            {
                var status = route.Status();
                return new HttpResponseMessage(status)
                {
                    Content = new StringContent(route.Body(), Encoding.UTF8, (int)status >= 400 ? "application/problem+json" : "application/json"),
                };
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title":"Not found","status":404,"detail":"no stub for this route"}""", Encoding.UTF8, "application/problem+json"),
        };
    }

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
