using BreakoutBot.AppHost.Infrastructure.Local;

namespace BreakoutBot.AppHost.Tests.Infrastructure;

public class LocalSecretFileTests
{
    [Fact]
    public void ReadOrCreate_TwiceOnSamePath_ReturnsSameSecret()
    {
        using var scratch = new ScratchDirectory();
        var path = Path.Combine(scratch.Path, "nested", "password");

        var first = LocalSecretFile.ReadOrCreate(path);
        var second = LocalSecretFile.ReadOrCreate(path);

        Assert.Equal(first, second);
        Assert.Equal(32, first.Length);
        Assert.All(first, character => Assert.True(char.IsAsciiLetterOrDigit(character)));
    }

    [Fact]
    public void ReadOrCreate_NewFile_IsReadableByOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions only.");
        using var scratch = new ScratchDirectory();
        var path = Path.Combine(scratch.Path, "password");

        LocalSecretFile.ReadOrCreate(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void ReadOrCreate_DifferentPaths_GiveDifferentSecrets()
    {
        using var scratch = new ScratchDirectory();

        Assert.NotEqual(
            LocalSecretFile.ReadOrCreate(Path.Combine(scratch.Path, "a")),
            LocalSecretFile.ReadOrCreate(Path.Combine(scratch.Path, "b")));
    }
}
