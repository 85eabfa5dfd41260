using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Audit;

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(entry => entry.OccurredAt).HasColumnName("occurred_at");
        builder.Property(entry => entry.Source).HasColumnName("source").HasMaxLength(64);
        builder.Property(entry => entry.Actor).HasColumnName("actor").HasMaxLength(128);
        builder.Property(entry => entry.Action).HasColumnName("action").HasMaxLength(128);
        builder.Property(entry => entry.Outcome).HasColumnName("outcome").HasMaxLength(512);
        builder.Property(entry => entry.DetailsJson).HasColumnName("details").HasColumnType("jsonb");
        builder.Property(entry => entry.CorrelationId).HasColumnName("correlation_id").HasMaxLength(64);
        builder.HasIndex(entry => entry.OccurredAt);
    }
}
