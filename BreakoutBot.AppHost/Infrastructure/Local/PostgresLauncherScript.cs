namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>
/// <c>run-postgres.sh</c>, embedded in the AppHost and written next to the data it manages, so the AppHost works from
/// any output directory (including a test runner's).
/// </summary>
public static class PostgresLauncherScript
{
    public const string FileName = "run-postgres.sh";

    /// <summary>Writes the script to <c>&lt;dataDirectory&gt;/launchers/</c> and returns its path.</summary>
    public static string Write(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.Combine(dataDirectory, "launchers");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        using var source = typeof(PostgresLauncherScript).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"The AppHost assembly lacks its embedded {FileName}.");
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }
}
