using BreakoutBot.Domain.Presets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BreakoutBot.Data.Presets;

/// <summary>
/// Versioned presets in PostgreSQL. Versions are immutable: a change adds version n+1, so an engine that started with
/// version n keeps trading exactly what it started with. Only valid presets are stored.
/// </summary>
public sealed class PresetStore(TradingDbContext database, TimeProvider clock)
{
    /// <summary>Stores each shipped preset as version 1 when no version of it exists yet. Safe to run concurrently.</summary>
    public async Task SeedShippedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (name, json) in ShippedPresets.All())
        {
            if (await database.PresetVersions.AnyAsync(preset => preset.Name == name, cancellationToken))
            {
                continue;
            }

            database.PresetVersions.Add(new PresetVersionRecord
            {
                Name = name, Version = 1, Json = json, CreatedAt = clock.GetUtcNow(), CreatedBy = "shipped", Comment = "shipped preset",
            });
            try
            {
                await database.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another service seeded it at the same moment.
                database.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The latest version of every preset.</summary>
    public async Task<IReadOnlyList<PresetVersionRecord>> ListLatestAsync(CancellationToken cancellationToken = default)
    {
        var latest = await database.PresetVersions.AsNoTracking()
            .GroupBy(preset => preset.Name)
            .Select(group => new { Name = group.Key, Version = group.Max(preset => preset.Version) })
            .ToListAsync(cancellationToken);
        var records = new List<PresetVersionRecord>(latest.Count);
        foreach (var entry in latest.OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            records.Add(await database.PresetVersions.AsNoTracking()
                .SingleAsync(preset => preset.Name == entry.Name && preset.Version == entry.Version, cancellationToken));
        }

        return records;
    }

    /// <summary>Every version of one preset, oldest first.</summary>
    public async Task<IReadOnlyList<PresetVersionRecord>> HistoryAsync(string name, CancellationToken cancellationToken = default) =>
        await database.PresetVersions.AsNoTracking()
            .Where(preset => preset.Name == name)
            .OrderBy(preset => preset.Version)
            .ToListAsync(cancellationToken);

    /// <summary>One version (the latest when <paramref name="version"/> is null), or null when it does not exist.</summary>
    public async Task<PresetVersionRecord?> FindAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        var query = database.PresetVersions.AsNoTracking().Where(preset => preset.Name == name);
        return version is { } exact
            ? await query.SingleOrDefaultAsync(preset => preset.Version == exact, cancellationToken)
            : await query.OrderByDescending(preset => preset.Version).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Loads and validates a stored version into the Domain model.</summary>
    public async Task<(TradingPreset? Preset, int Version, IReadOnlyList<PresetError> Errors)> LoadAsync(
        string name, int? version, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(name, version, cancellationToken);
        if (record is null)
        {
            var which = version is { } exact ? $"version {exact} of preset '{name}'" : $"preset '{name}'";
            return (null, 0, [new PresetError("$", $"{which} does not exist")]);
        }

        var result = PresetLoader.Load(record.Json, name);
        return (result.IsValid ? result.Preset : null, record.Version, result.Errors);
    }

    /// <summary>
    /// Validates <paramref name="json"/> and stores it as the next version of <paramref name="name"/>. Returns the
    /// validation errors instead when it is not a valid preset (nothing is written then).
    /// </summary>
    public async Task<(PresetVersionRecord? Stored, IReadOnlyList<PresetError> Errors)> AddVersionAsync(
        string name, string json, string createdBy, string? comment, CancellationToken cancellationToken = default)
    {
        var validation = PresetLoader.Load(json, name);
        if (!validation.IsValid)
        {
            return (null, validation.Errors);
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = await database.PresetVersions.Where(preset => preset.Name == name)
                .MaxAsync(preset => (int?)preset.Version, cancellationToken) ?? 0;
            var record = new PresetVersionRecord
            {
                Name = name, Version = current + 1, Json = json, CreatedAt = clock.GetUtcNow(), CreatedBy = createdBy, Comment = comment,
            };
            database.PresetVersions.Add(record);
            try
            {
                await database.SaveChangesAsync(cancellationToken);
                return (record, []);
            }
            catch (DbUpdateException exception) when (attempt < 3 && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // A concurrent writer took this version number: try the next one.
                database.ChangeTracker.Clear();
            }
        }
    }
}
