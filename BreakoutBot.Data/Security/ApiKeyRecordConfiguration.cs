using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Security;

internal sealed class ApiKeyRecordConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(key => key.Name);
        builder.Property(key => key.Name).HasMaxLength(64);
        builder.Property(key => key.Role).HasMaxLength(16);
        builder.Property(key => key.CreatedBy).HasMaxLength(128);
        builder.Property(key => key.RevokedBy).HasMaxLength(128);
        builder.HasIndex(key => key.Hash).IsUnique();
    }
}
