using BreakoutBot.AppHost.Infrastructure;
using BreakoutBot.AppHost.Infrastructure.Local;

namespace BreakoutBot.AppHost.Tests.Infrastructure;

public class LocalBinariesTests
{
    private static readonly string[] PostgresPrograms = ["initdb", "postgres", "pg_isready", "psql"];

    [Fact]
    public void Locate_NothingInstalled_ListsEveryMissingProgramWithInstallHint()
    {
        using var scratch = new ScratchDirectory();

        var exception = Assert.Throws<InfrastructureConfigurationException>(
            () => LocalBinaries.Locate(Settings(scratch), runningAsRoot: true, pathVariable: scratch.Path, postgresSearchRoots: []));

        Assert.Contains("sudo apt-get install -y postgresql", exception.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install -y redis-server", exception.Message, StringComparison.Ordinal);
        Assert.Contains("bash was not found", exception.Message, StringComparison.Ordinal);
        Assert.Contains("setpriv was not found", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Infrastructure:Mode=Containers", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_DebianLayout_TakesNewestVersionDirectory()
    {
        using var scratch = new ScratchDirectory();
        var bin = Path.Combine(scratch.Path, "bin");
        foreach (var program in new[] { "redis-server", "bash", "setpriv" })
        {
            scratch.AddExecutable(Path.Combine("bin", program));
        }

        foreach (var version in new[] { "9.6", "15", "13" })
        {
            foreach (var program in PostgresPrograms)
            {
                scratch.AddExecutable(Path.Combine("postgresql", version, "bin", program));
            }
        }

        var binaries = LocalBinaries.Locate(Settings(scratch), runningAsRoot: true, pathVariable: bin, postgresSearchRoots: [Path.Combine(scratch.Path, "postgresql")]);

        Assert.Equal(Path.Combine(scratch.Path, "postgresql", "15", "bin"), binaries.PostgresBinDirectory);
        Assert.Equal(Path.Combine(bin, "redis-server"), binaries.RedisServerPath);
    }

    [Fact]
    public void Locate_InitdbOnPathIsLoneSymlink_UsesTheDirectoryItPointsInto()
    {
        using var scratch = new ScratchDirectory();
        foreach (var program in PostgresPrograms)
        {
            scratch.AddExecutable(Path.Combine("pg", "bin", program));
        }

        foreach (var program in new[] { "redis-server", "bash" })
        {
            scratch.AddExecutable(Path.Combine("path", program));
        }

        File.CreateSymbolicLink(Path.Combine(scratch.Path, "path", "initdb"), Path.Combine(scratch.Path, "pg", "bin", "initdb"));

        var binaries = LocalBinaries.Locate(Settings(scratch), runningAsRoot: false, pathVariable: Path.Combine(scratch.Path, "path"), postgresSearchRoots: []);

        Assert.Equal(Path.Combine(scratch.Path, "pg", "bin"), binaries.PostgresBinDirectory);
    }

    [Fact]
    public void Locate_ConfiguredDirectoryIncomplete_NamesTheSetting()
    {
        using var scratch = new ScratchDirectory();
        scratch.AddExecutable(Path.Combine("pg", "initdb"));
        var settings = Settings(scratch) with { PostgresBinDirectory = Path.Combine(scratch.Path, "pg") };

        var exception = Assert.Throws<InfrastructureConfigurationException>(
            () => LocalBinaries.Locate(settings, runningAsRoot: false, pathVariable: scratch.Path, postgresSearchRoots: []));

        Assert.Contains($"Infrastructure:PostgresBinDirectory '{settings.PostgresBinDirectory}'", exception.Message, StringComparison.Ordinal);
    }

    private static InfrastructureSettings Settings(ScratchDirectory scratch) =>
        new() { Mode = InfrastructureMode.Local, DataDirectory = Path.Combine(scratch.Path, "data") };
}
