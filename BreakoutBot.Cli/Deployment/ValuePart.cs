namespace BreakoutBot.Cli.Deployment;

/// <summary>A piece of a resolved manifest value: literal text, or the value of a parameter (looked up at run time).</summary>
public sealed record ValuePart(string Text, bool IsParameter)
{
    public static ValuePart Literal(string text) => new(text, IsParameter: false);

    public static ValuePart Parameter(string name) => new(name, IsParameter: true);
}
