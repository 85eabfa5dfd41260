namespace BreakoutBot.Cli.Commands;

/// <summary>Positional words and <c>--name value</c> options of one command, with duplicates and dangling names rejected.</summary>
public sealed class ParsedArguments
{
    private ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, string> options)
    {
        Positionals = positionals;
        Options = options;
    }

    public IReadOnlyList<string> Positionals { get; }

    public IReadOnlyDictionary<string, string> Options { get; }

    /// <exception cref="ArgumentException">An option has no value or is given twice.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(word);
                continue;
            }

            var name = word[2..];
            string value;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new ArgumentException($"--{name} needs a value.");
            }

            if (!options.TryAdd(name, value))
            {
                throw new ArgumentException($"--{name} is given more than once.");
            }
        }

        return new ParsedArguments(positionals, options);
    }
}
