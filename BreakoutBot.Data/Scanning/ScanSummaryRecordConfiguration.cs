using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Scanning;

internal sealed class ScanSummaryRecordConfiguration : IEntityTypeConfiguration<ScanSummaryRecord>
{
    public void Configure(EntityTypeBuilder<ScanSummaryRecord> builder)
    {
        builder.ToTable("scan_summaries");
        builder.HasKey(summary => summary.Id);
        builder.Property(summary => summary.Id).UseIdentityAlwaysColumn();
        builder.Property(summary => summary.TopCandidatesJson).HasColumnType("jsonb");
        builder.HasIndex(summary => summary.At);
    }
}
