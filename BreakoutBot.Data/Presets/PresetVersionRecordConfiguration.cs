using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Presets;

internal sealed class PresetVersionRecordConfiguration : IEntityTypeConfiguration<PresetVersionRecord>
{
    public void Configure(EntityTypeBuilder<PresetVersionRecord> builder)
    {
        builder.ToTable("preset_versions");
        builder.HasKey(preset => preset.Id);
        builder.Property(preset => preset.Id).UseIdentityAlwaysColumn();
        builder.Property(preset => preset.Name).HasMaxLength(128);
        builder.Property(preset => preset.Json).HasColumnType("jsonb");
        builder.HasIndex(preset => new { preset.Name, preset.Version }).IsUnique();
    }
}
