using BreakoutBot.Domain.Presets;

namespace BreakoutBot.Cli.Commands;

/// <summary>
/// <c>breakoutbot presets validate &lt;file|dir&gt;</c>: "OK" per valid file, otherwise every error with its JSON path.
/// Exit code 0 when every file is valid, 1 when any is not, 2 for a usage problem.
/// </summary>
public static class PresetsValidateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [var target] || target.StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("breakoutbot presets validate: name one preset file or a directory of them.");
            return CliApplication.UsageError;
        }

        string[] files;
        if (Directory.Exists(target))
        {
            files = [.. Directory.EnumerateFiles(target, "*.json").Order(StringComparer.Ordinal)];
            if (files.Length == 0)
            {
                error.WriteLine($"breakoutbot presets validate: {target} holds no .json files.");
                return CliApplication.Failure;
            }
        }
        else if (File.Exists(target))
        {
            files = [target];
        }
        else
        {
            error.WriteLine($"breakoutbot presets validate: {target} does not exist.");
            return CliApplication.UsageError;
        }

        var invalid = 0;
        foreach (var file in files)
        {
            var result = PresetLoader.LoadFile(file);
            if (result.IsValid)
            {
                output.WriteLine($"OK    {file}");
                continue;
            }

            invalid++;
            output.WriteLine($"ERROR {file}: {result.Errors.Count} problem(s)");
            foreach (var problem in result.Errors)
            {
                output.WriteLine($"      {problem.Path}: {problem.Message}");
            }
        }

        output.WriteLine($"{files.Length - invalid} of {files.Length} preset file(s) valid");
        return invalid == 0 ? CliApplication.Success : CliApplication.Failure;
    }
}
