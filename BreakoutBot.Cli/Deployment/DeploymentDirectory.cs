namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// Writes the output directory whole or not at all: the files go to a sibling temporary directory, which then takes
/// the place of the old output. A directory that holds anything other than an earlier output is left alone.
/// </summary>
public static class DeploymentDirectory
{
    /// <exception cref="IOException">The directory holds other files, or writing or moving failed (nothing is left half-written).</exception>
    public static void Replace(string directory, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{directory} cannot be the output directory.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !WasGenerated(target))
        {
            throw new IOException($"{directory} exists and is not an earlier output of 'deploy k8s' (no generated {KubernetesManifestGenerator.KustomizationFile}); choose an empty or new directory.");
        }

        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.new-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (file, text) in files)
            {
                File.WriteAllText(Path.Combine(staging, file), text);
            }

            if (Directory.Exists(target))
            {
                var old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
                Directory.Move(target, old);
                try
                {
                    Directory.Move(staging, target);
                }
                catch
                {
                    Directory.Move(old, target);
                    throw;
                }

                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static bool WasGenerated(string directory)
    {
        var kustomization = Path.Combine(directory, KubernetesManifestGenerator.KustomizationFile);
        return File.Exists(kustomization) && File.ReadLines(kustomization).FirstOrDefault() == KubernetesYamlRenderer.Header;
    }
}
