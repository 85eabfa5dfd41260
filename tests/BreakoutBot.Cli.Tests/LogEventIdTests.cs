using System.Globalization;
using System.Text.RegularExpressions;

namespace BreakoutBot.Cli.Tests;

/// <summary>
/// Every project's log messages keep to the event-id range their <c>Log</c> class documents, and no two projects share
/// one: an event id in a log search means one message.
/// </summary>
public sealed partial class LogEventIdTests
{
    [Fact]
    public void EveryLogClass_IdsUniqueWithinItsDocumentedRange_RangesOfProjectsDisjoint()
    {
        var files = Directory.GetDirectories(DeployManifests.RepositoryRoot, "BreakoutBot.*")
            .SelectMany(project => Directory.GetFiles(project, "Log.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count >= 7, $"found the Log classes: {string.Join(", ", files)}");

        var projects = new List<(string Project, int From, int To)>();
        var seen = new Dictionary<int, string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var range = DocumentedRange().Match(text);
            Assert.True(range.Success, $"{file} documents its event-id range in its summary");
            var (from, to) = (Number(range.Groups[1].Value), Number(range.Groups[2].Value));
            var project = Path.GetRelativePath(DeployManifests.RepositoryRoot, file).Split(Path.DirectorySeparatorChar)[0];
            projects.Add((project, from, to));
            foreach (var id in EventId().Matches(text).Select(match => Number(match.Groups[1].Value)))
            {
                Assert.InRange(id, from, to);
                Assert.True(seen.TryAdd(id, file), $"event id {id} is used by {file} and by {seen.GetValueOrDefault(id)}");
            }
        }

        var widest = projects.GroupBy(range => range.Project).Select(group => (Project: group.Key, From: group.Min(range => range.From), To: group.Max(range => range.To))).OrderBy(range => range.From).ToList();
        for (var i = 1; i < widest.Count; i++)
        {
            Assert.True(widest[i].From > widest[i - 1].To, $"{widest[i].Project} ({widest[i].From}–{widest[i].To}) overlaps {widest[i - 1].Project} ({widest[i - 1].From}–{widest[i - 1].To})");
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"event ?ids (\d+)\s*[–-]\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentedRange();

    [GeneratedRegex(@"LoggerMessage\((?:EventId = )?(\d+)")]
    private static partial Regex EventId();
}
