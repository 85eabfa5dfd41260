namespace BreakoutBot.Cli.Tests;

public class PresetsValidateCommandTests
{
    private static string ShippedPresets()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreakoutBot.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "presets");
    }

    [Fact]
    public void Validate_ShippedPresetDirectory_ReportsEveryFileOk()
    {
        var run = CliRun.Of("presets", "validate", ShippedPresets());

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var files = Directory.GetFiles(ShippedPresets(), "*.json");
        Assert.Equal(16, files.Length);
        Assert.Equal(files.Length, run.Output.Split('\n').Count(line => line.StartsWith("OK ", StringComparison.Ordinal)));
        Assert.Contains("16 of 16 preset file(s) valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OriginalBrokenPreset_ListsErrorsWithJsonPaths()
    {
        var run = CliRun.Of("presets", "validate", CliRun.TestData("presets-original", "breakout_v1.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR ", run.Output, StringComparison.Ordinal);
        Assert.Contains("      $.name: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 preset file(s) valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedJson_FailsNamingTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{ \"name\": ");
        try
        {
            var run = CliRun.Of("presets", "validate", file);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"ERROR {file}", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "presets", "validate" }, "name one preset file or a directory")]
    [InlineData(new[] { "presets", "validate", "/nonexistent/breakoutbot/presets" }, "/nonexistent/breakoutbot/presets does not exist")]
    public void Validate_BadArguments_ExitsWithUsageError(string[] args, string expectedMessage)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
    }
}
