namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>Finds programs the way a shell would: on PATH, executable files only.</summary>
public static class ExecutableLocator
{
    public static string? FindOnPath(string program, string? pathVariable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutableFile(program) ? Path.GetFullPath(program) : null;
        }

        var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(IsExecutableFile);
    }

    public static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
