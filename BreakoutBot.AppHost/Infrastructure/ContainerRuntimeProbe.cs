using System.Diagnostics;

namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>Asks the container runtime whether its engine answers (<c>docker info</c> / <c>podman info</c>).</summary>
public interface IContainerRuntimeProbe
{
    ContainerRuntimeStatus Probe();
}

/// <summary>What the probe found: whether a runtime answered, and a one-line explanation either way.</summary>
public sealed record ContainerRuntimeStatus(bool IsHealthy, string Description);

/// <summary>
/// Probes the runtime Aspire would use (<c>ASPIRE_CONTAINER_RUNTIME</c>, else docker, then podman), with a time
/// limit so an unresponsive daemon cannot hang start-up.
/// </summary>
public sealed class ContainerRuntimeProbe(string? configuredRuntime, TimeSpan timeout) : IContainerRuntimeProbe
{
    public ContainerRuntimeStatus Probe()
    {
        string[] runtimes = string.IsNullOrWhiteSpace(configuredRuntime) ? ["docker", "podman"] : [configuredRuntime.Trim()];
        var findings = new List<string>();
        foreach (var runtime in runtimes)
        {
            var (healthy, detail) = ProbeOne(runtime);
            if (healthy)
            {
                return new ContainerRuntimeStatus(true, $"{runtime} engine {detail} answered");
            }

            findings.Add($"{runtime}: {detail}");
        }

        return new ContainerRuntimeStatus(false, string.Join("; ", findings));
    }

    private (bool Healthy, string Detail) ProbeOne(string runtime)
    {
        if (ExecutableLocator.FindOnPath(runtime) is not { } path)
        {
            return (false, "not installed");
        }

        var start = new ProcessStartInfo(path, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return (false, "could not be started");
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (false, $"no answer within {timeout.TotalSeconds:F0} s");
            }

            var version = output.Result.Trim();
            return process.ExitCode == 0 && version.Length > 0
                ? (true, version)
                : (false, "engine not running");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (false, exception.Message);
        }
    }
}
