using System.Text.Json;
using BreakoutBot.Web.Presets;

namespace BreakoutBot.Web.Tests;

public class PresetNodeTests
{
    [Fact]
    public void ToJson_Unedited_EqualsTheDocument()
    {
        const string json = """{"name":"x","risk":{"risk_per_trade":0.015,"on":true},"list":[1,2],"nothing":null}""";
        using var document = JsonDocument.Parse(json);

        var node = PresetNode.FromDocument(document.RootElement);

        Assert.Equal(json, node.ToJson()!.ToJsonString());
    }

    [Fact]
    public void ToJson_NumberThatDoesNotParse_IsSentAsTextForTheApiToRefuse()
    {
        using var document = JsonDocument.Parse("""{"risk":{"risk_per_trade":0.015}}""");
        var node = PresetNode.FromDocument(document.RootElement);

        node.Descendants().Single(n => n.Path == "$.risk.risk_per_trade").Text = "abc";

        Assert.Equal("""{"risk":{"risk_per_trade":"abc"}}""", node.ToJson()!.ToJsonString());
    }

    [Fact]
    public void ErrorsFrom_ArrayElementError_BelongsToTheArrayField()
    {
        using var document = JsonDocument.Parse("""{"universe":{"whitelist":["A"]}}""");
        var node = PresetNode.FromDocument(document.RootElement);
        var errors = new Dictionary<string, string[]> { ["$.document.universe.whitelist[0]"] = ["not a symbol"] };

        var whitelist = node.Descendants().Single(n => n.Path == "$.universe.whitelist");

        Assert.Equal(["not a symbol"], whitelist.ErrorsFrom(errors));
        Assert.Empty(node.Descendants().Single(n => n.Path == "$.universe").ErrorsFrom(errors));
    }
}
