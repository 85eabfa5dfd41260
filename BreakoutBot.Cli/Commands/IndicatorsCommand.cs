using BreakoutBot.Cli.Csv;
using BreakoutBot.Domain.Indicators;

namespace BreakoutBot.Cli.Commands;

/// <summary><c>breakoutbot indicators &lt;name&gt; --input q.csv [--output out.csv] [options]</c> and <c>indicators list</c>.</summary>
public static class IndicatorsCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ParsedArguments parsed;
        try
        {
            parsed = ParsedArguments.Parse(args);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"breakoutbot indicators: {exception.Message}");
            return CliApplication.UsageError;
        }

        if (parsed.Positionals is ["list"])
        {
            WriteList(output);
            return CliApplication.Success;
        }

        if (parsed.Positionals is not [var name])
        {
            error.WriteLine("breakoutbot indicators: name exactly one indicator, e.g. 'breakoutbot indicators atr --input quotes.csv'.");
            return CliApplication.UsageError;
        }

        var definition = IndicatorCatalog.Find(name);
        if (definition is null)
        {
            error.WriteLine($"breakoutbot indicators: unknown indicator '{name}'; known: {string.Join(' ', IndicatorCatalog.All.Select(d => d.Name))}.");
            return CliApplication.UsageError;
        }

        var options = parsed.Options.ToDictionary(StringComparer.Ordinal);
        if (!options.Remove("input", out var input))
        {
            error.WriteLine("breakoutbot indicators: --input <quotes.csv> is required.");
            return CliApplication.UsageError;
        }

        options.Remove("output", out var outputPath);
        Indicator indicator;
        try
        {
            indicator = definition.Create(options);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"breakoutbot indicators: {exception.Message}");
            return CliApplication.UsageError;
        }

        IReadOnlyList<QuoteRow> rows;
        try
        {
            using var reader = new StreamReader(input);
            rows = QuoteCsvReader.Read(reader);
        }
        catch (QuoteCsvException exception)
        {
            error.WriteLine($"breakoutbot indicators: {input}: {exception.Message}");
            return CliApplication.Failure;
        }
        catch (IOException exception)
        {
            error.WriteLine($"breakoutbot indicators: cannot read {input}: {exception.Message}");
            return CliApplication.Failure;
        }
        catch (UnauthorizedAccessException exception)
        {
            error.WriteLine($"breakoutbot indicators: cannot read {input}: {exception.Message}");
            return CliApplication.Failure;
        }

        var bars = rows.Select(row => row.Bar).ToArray();
        var series = indicator.Run(bars);
        if (outputPath is null)
        {
            IndicatorCsvWriter.Write(output, rows, series);
            return CliApplication.Success;
        }

        try
        {
            using var writer = new StreamWriter(outputPath);
            IndicatorCsvWriter.Write(writer, rows, series);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"breakoutbot indicators: cannot write {outputPath}: {exception.Message}");
            return CliApplication.Failure;
        }

        return CliApplication.Success;
    }

    private static void WriteList(TextWriter output)
    {
        foreach (var definition in IndicatorCatalog.All)
        {
            var options = definition.Options.Count == 0
                ? "(no options)"
                : string.Join(' ', definition.Options.Select(option => $"--{option.Name} {option.DefaultValue}"));
            output.WriteLine($"{definition.Name,-11} {definition.Description}; {options}");
        }
    }
}
