using System.Text.Json;
using BreakoutBot.Domain.Presets.Loading;

namespace BreakoutBot.Domain.Presets;

/// <summary>
/// Loads and validates preset JSON strictly: unknown keys, wrong types, out-of-range values and inconsistent
/// settings are all reported, each with its JSON path, and a preset with any problem is not returned.
/// </summary>
public static class PresetLoader
{
    public const string FileExtension = ".json";

    private static readonly JsonDocumentOptions StrictJson = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Reads and validates the preset file at <paramref name="path"/>; I/O problems come back as errors too.</summary>
    public static PresetLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var reason = exception is FileNotFoundException or DirectoryNotFoundException
                ? "file not found"
                : $"cannot read the file: {exception.Message}";
            return Failed(path, new PresetError(JsonPaths.Root, reason));
        }

        return Load(json, path);
    }

    /// <summary>
    /// Validates preset JSON. <paramref name="fileName"/> (a name or path, with or without <c>.json</c>) is what
    /// the preset's <c>name</c> must match.
    /// </summary>
    public static PresetLoadResult Load(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (JsonException exception)
        {
            return Failed(fileName, new PresetError(JsonPaths.Root, DescribeMalformed(exception)));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failed(fileName, new PresetError(
                    JsonPaths.Root,
                    $"expected a JSON object with the preset's sections, got {JsonValueDescription.Of(document.RootElement)}"));
            }

            var errors = new List<PresetError>();
            var root = PresetObjectReader.Open(document.RootElement, JsonPaths.Root, errors);
            var preset = TradingPreset.Read(root, ExpectedName(fileName));
            root.RejectUnknownKeys();

            return errors.Count == 0
                ? new PresetLoadResult { FileName = fileName, Preset = preset, Errors = [] }
                : new PresetLoadResult { FileName = fileName, Errors = errors };
        }
    }

    /// <summary>Loads every <c>*.json</c> file directly in <paramref name="directory"/>, ordered by file name.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static IReadOnlyList<PresetLoadResult> LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Preset directory '{directory}' does not exist.");
        }

        return
        [
            .. Directory.EnumerateFiles(directory, "*" + FileExtension, SearchOption.TopDirectoryOnly)
                .Order(StringComparer.Ordinal)
                .Select(LoadFile),
        ];
    }

    /// <summary>The name a preset loaded from <paramref name="fileName"/> must have: the file name without directory and <c>.json</c>.</summary>
    public static string ExpectedName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        return name.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase) ? name[..^FileExtension.Length] : name;
    }

    private static PresetLoadResult Failed(string fileName, PresetError error) =>
        new() { FileName = fileName, Errors = [error] };

    private static string DescribeMalformed(JsonException exception)
    {
        // JsonException.Message repeats the location in machine form ("Path: $ | LineNumber: 3 | ..."); keep the reason only.
        var reason = exception.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            reason = reason[..cut].TrimEnd();
        }

        var line = (exception.LineNumber ?? 0) + 1;
        var position = (exception.BytePositionInLine ?? 0) + 1;
        return FormattableString.Invariant($"malformed JSON at line {line}, position {position}: {reason}");
    }
}
