using BreakoutBot.Cli.Deployment;

namespace BreakoutBot.Cli.Tests;

public class ExpressionResolverTests
{
    private const string Manifest = """
        {
          "resources": {
            "db": { "type": "container.v0", "image": "db:1", "connectionString": "Host={db.bindings.tcp.host};Port={db.bindings.tcp.port};Password={db-password.value}",
                    "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432, "port": 6000 } } },
            "appdb": { "type": "value.v0", "connectionString": "{db.connectionString};Database=app" },
            "db-password": { "type": "parameter.v0", "value": "{db-password.inputs.value}", "inputs": { "value": { "type": "string", "secret": true } } },
            "greeting": { "type": "parameter.v0", "value": "{greeting.inputs.value}", "inputs": { "value": { "type": "string", "default": { "value": "hi" } } } },
            "encoded": { "type": "annotated.string", "value": "a b/{db-password.value}", "filter": "uri" },
            "svc": { "type": "project.v1", "path": "svc.csproj", "bindings": { "http": { "scheme": "http", "protocol": "tcp", "transport": "http" },
                                                                          "https": { "scheme": "https", "protocol": "tcp", "transport": "http" } } }
          }
        }
        """;

    private readonly ExpressionResolver _resolver = new(AspireManifest.Parse(Manifest, "/tmp", "test manifest"));

    [Fact]
    public void Resolve_ConnectionStringThroughValueResource_ResolvesRecursivelyKeepingTheParameter()
    {
        var value = _resolver.Resolve("{appdb.connectionString}", "test");

        Assert.Equal(
            [ValuePart.Literal("Host=db;Port=6000;Password="), ValuePart.Parameter("db-password"), ValuePart.Literal(";Database=app")],
            value.Parts);
    }

    [Fact]
    public void Resolve_ProjectBindingWithoutPorts_UsesServicePort80AndContainerPort8080()
    {
        var value = _resolver.Resolve("{svc.bindings.http.url} {svc.bindings.http.targetPort} {svc.bindings.http.scheme}", "test");

        Assert.Equal("http://svc:80 8080 http", value.LiteralText);
        Assert.Null(value.UnservedBinding);
    }

    [Fact]
    public void Resolve_ProjectHttpsBindingWithoutPorts_IsMarkedUnserved()
    {
        var value = _resolver.Resolve("{svc.bindings.https.url}", "test");

        Assert.Equal("svc.bindings.https", value.UnservedBinding);
    }

    [Fact]
    public void Resolve_DoubledBraces_AreLiteralBraces()
    {
        Assert.Equal("{\"a\":6000}", _resolver.Resolve("{{\"a\":{db.bindings.tcp.port}}}", "test").LiteralText);
    }

    [Fact]
    public void Resolve_UriAnnotatedString_EncodesLiteralTextAndRecordsTheParameter()
    {
        var value = _resolver.Resolve("{encoded.value}", "test");

        Assert.Equal([ValuePart.Literal("a%20b%2F"), ValuePart.Parameter("db-password")], value.Parts);
        Assert.Equal(["db-password"], _resolver.UriEncodedParameters);
    }

    [Theory]
    [InlineData("{db.bindings.tcp.ip}", "test: unknown expression '{db.bindings.tcp.ip}'")]
    [InlineData("{db.image}", "test: unknown expression '{db.image}' on container.v0 resource 'db'")]
    [InlineData("{greeting.connectionString}", "test: expression '{greeting.connectionString}': resource 'greeting' has no 'connectionString'")]
    [InlineData("a}b", "test: '}' without a matching '{'")]
    public void Resolve_BadExpression_ThrowsNamingIt(string expression, string expectedMessage)
    {
        var exception = Assert.Throws<ManifestException>(() => _resolver.Resolve(expression, "test"));

        Assert.StartsWith(expectedMessage, exception.Message, StringComparison.Ordinal);
    }
}
