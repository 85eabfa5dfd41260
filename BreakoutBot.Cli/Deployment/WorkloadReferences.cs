using System.Text.RegularExpressions;

namespace BreakoutBot.Cli.Deployment;

/// <summary>
/// Which workloads (projects and containers) reach which: a resource references another when an expression in it
/// names it (<c>{name.…}</c>: env, args, connection strings), directly or through value resources (a database's
/// connection string names its server). Used for the NetworkPolicies: a workload admits only those that reference it.
/// </summary>
public static partial class WorkloadReferences
{
    /// <summary>Workload name → the workloads that reference it (sorted).</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> CallersOf(AspireManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var named = manifest.Resources.Values.ToDictionary(
            resource => resource.Name,
            resource => Reference().Matches(resource.Body.GetRawText()).Select(match => match.Groups[1].Value)
                .Where(name => name != resource.Name && manifest.Resources.ContainsKey(name)).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        var callers = manifest.Resources.Values.Where(IsWorkload).ToDictionary(resource => resource.Name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var caller in manifest.Resources.Values.Where(IsWorkload))
        {
            foreach (var target in named[caller.Name].SelectMany(name => WorkloadsBehind(name, named, manifest, [])))
            {
                if (target != caller.Name)
                {
                    callers[target].Add(caller.Name);
                }
            }
        }

        return callers;
    }

    private static bool IsWorkload(ManifestResource resource) => resource.IsProject || resource.IsContainer;

    private static List<string> WorkloadsBehind(string name, Dictionary<string, List<string>> named, AspireManifest manifest, HashSet<string> seen)
    {
        if (!seen.Add(name))
        {
            return [];
        }

        return IsWorkload(manifest.Resources[name]) ? [name] : named[name].SelectMany(next => WorkloadsBehind(next, named, manifest, seen)).ToList();
    }

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\.")]
    private static partial Regex Reference();
}
