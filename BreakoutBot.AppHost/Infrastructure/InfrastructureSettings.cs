using Microsoft.Extensions.Configuration;

namespace BreakoutBot.AppHost.Infrastructure;

/// <summary>The <c>Infrastructure</c> configuration section, read and checked once at start-up.</summary>
public sealed record InfrastructureSettings
{
    public const string SectionName = "Infrastructure";

    public InfrastructureMode Mode { get; init; } = InfrastructureMode.Auto;

    /// <summary>Where Local mode keeps PostgreSQL's and Redis's data, their passwords and launch scripts.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Directory holding <c>initdb</c> and <c>postgres</c>; found automatically when empty.</summary>
    public string? PostgresBinDirectory { get; init; }

    /// <summary>Path of <c>redis-server</c>; found on PATH when empty.</summary>
    public string? RedisServerPath { get; init; }

    /// <summary>The unprivileged OS account PostgreSQL runs as when the AppHost runs as root.</summary>
    public string PostgresOsUser { get; init; } = "postgres";

    /// <summary>
    /// Turns off fsync and persistence for throw-away data (tests, demos). Never for data you want to keep.
    /// </summary>
    public bool EphemeralStorage { get; init; }

    public static InfrastructureSettings FromConfiguration(IConfiguration configuration, bool runningAsRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);

        var modeText = section["Mode"];
        var mode = InfrastructureMode.Auto;
        if (!string.IsNullOrWhiteSpace(modeText)
            && (!Enum.TryParse(modeText.Trim(), ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _)))
        {
            throw new InfrastructureConfigurationException(
                $"Infrastructure:Mode '{modeText}' is not valid; use one of: {string.Join(", ", Enum.GetNames<InfrastructureMode>())}.");
        }

        var ephemeralText = section["EphemeralStorage"];
        var ephemeral = false;
        if (!string.IsNullOrWhiteSpace(ephemeralText) && !bool.TryParse(ephemeralText, out ephemeral))
        {
            throw new InfrastructureConfigurationException(
                $"Infrastructure:EphemeralStorage '{ephemeralText}' is not valid; use true or false.");
        }

        var dataDirectory = section["DataDirectory"];
        return new InfrastructureSettings
        {
            Mode = mode,
            DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory(runningAsRoot) : dataDirectory),
            PostgresBinDirectory = NullIfBlank(section["PostgresBinDirectory"]),
            RedisServerPath = NullIfBlank(section["RedisServerPath"]),
            PostgresOsUser = NullIfBlank(section["PostgresOsUser"]) ?? "postgres",
            EphemeralStorage = ephemeral,
        };
    }

    /// <summary>
    /// The user's local application data. As root that is under <c>/root</c>, which the unprivileged PostgreSQL
    /// account cannot enter, so root gets the system-wide <c>/var/lib/breakoutbot</c> instead.
    /// </summary>
    public static string DefaultDataDirectory(bool runningAsRoot) =>
        runningAsRoot && OperatingSystem.IsLinux()
            ? "/var/lib/breakoutbot"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "BreakoutBot");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
