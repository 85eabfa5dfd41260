using System.Globalization;

namespace BreakoutBot.AppHost.Infrastructure.Local;

/// <summary>The programs Local mode runs, located once at start-up.</summary>
public sealed record LocalBinaries(string PostgresBinDirectory, string RedisServerPath, string BashPath, string? SetprivPath)
{
    public const string PostgresInstallHint = "install them (Debian/Ubuntu: sudo apt-get install -y postgresql; macOS: brew install postgresql)";
    public const string RedisInstallHint = "install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis)";

    /// <summary>Finds every program or throws one exception that lists everything missing and how to install it.</summary>
    public static LocalBinaries Locate(InfrastructureSettings settings, bool runningAsRoot, string? pathVariable = null, IEnumerable<string>? postgresSearchRoots = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();

        var postgresBin = FindPostgresBinDirectory(settings.PostgresBinDirectory, pathVariable, postgresSearchRoots ?? ["/usr/lib/postgresql"]);
        if (postgresBin is null)
        {
            problems.Add(settings.PostgresBinDirectory is null
                ? $"PostgreSQL server programs (initdb, postgres, pg_isready, psql) were not found on PATH or in /usr/lib/postgresql/*/bin: {PostgresInstallHint}, or set Infrastructure:PostgresBinDirectory"
                : $"Infrastructure:PostgresBinDirectory '{settings.PostgresBinDirectory}' does not contain executable initdb, postgres, pg_isready and psql");
        }

        var redisServer = ExecutableLocator.FindOnPath(settings.RedisServerPath ?? "redis-server", pathVariable);
        if (redisServer is null)
        {
            problems.Add(settings.RedisServerPath is null
                ? $"redis-server was not found on PATH: {RedisInstallHint}, or set Infrastructure:RedisServerPath"
                : $"Infrastructure:RedisServerPath '{settings.RedisServerPath}' is not an executable file");
        }

        var bash = ExecutableLocator.FindOnPath("bash", pathVariable);
        if (bash is null)
        {
            problems.Add("bash was not found on PATH; it runs the PostgreSQL launcher");
        }

        var setpriv = ExecutableLocator.FindOnPath("setpriv", pathVariable);
        if (setpriv is null && runningAsRoot)
        {
            problems.Add("setpriv was not found on PATH; as root it drops PostgreSQL's privileges (Debian/Ubuntu: sudo apt-get install -y util-linux)");
        }

        if (problems.Count > 0)
        {
            throw new InfrastructureConfigurationException(
                "Infrastructure:Mode resolved to Local, but this machine lacks what Local mode runs:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(problem => "  - " + problem)) + Environment.NewLine
                + "Alternatively start Docker or Podman and set Infrastructure:Mode=Containers.");
        }

        return new LocalBinaries(postgresBin!, redisServer!, bash!, setpriv);
    }

    internal static string? FindPostgresBinDirectory(string? configured, string? pathVariable, IEnumerable<string> searchRoots)
    {
        if (configured is not null)
        {
            return HasPostgresServer(configured) ? Path.GetFullPath(configured) : null;
        }

        // initdb on PATH may be a lone symbolic link (as in /usr/local/bin): use the directory it points into.
        if (ExecutableLocator.FindOnPath("initdb", pathVariable) is { } initdb)
        {
            var resolved = File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb;
            foreach (var candidate in new[] { Path.GetDirectoryName(resolved), Path.GetDirectoryName(initdb) })
            {
                if (candidate is not null && HasPostgresServer(candidate))
                {
                    return candidate;
                }
            }
        }

        // Debian and Ubuntu keep the server programs out of PATH, one directory per major version: take the newest.
        return searchRoots
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(versionDirectory => (Version: MajorVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version >= 0 && HasPostgresServer(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    /// <summary>The launcher needs all of these from one installation.</summary>
    private static readonly string[] PostgresPrograms = ["initdb", "postgres", "pg_isready", "psql"];

    private static bool HasPostgresServer(string directory) =>
        PostgresPrograms.All(program => ExecutableLocator.IsExecutableFile(Path.Combine(directory, program)));

    private static double MajorVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : -1;
}
