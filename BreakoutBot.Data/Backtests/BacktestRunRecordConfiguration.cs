using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Backtests;

internal sealed class BacktestRunRecordConfiguration : IEntityTypeConfiguration<BacktestRunRecord>
{
    public void Configure(EntityTypeBuilder<BacktestRunRecord> builder)
    {
        builder.ToTable("backtest_runs");
        builder.HasKey(run => run.Id);
        builder.Property(run => run.Id).HasColumnName("id");
        builder.Property(run => run.PresetName).HasColumnName("preset_name").HasMaxLength(128);
        builder.Property(run => run.PresetVersion).HasColumnName("preset_version");
        builder.Property(run => run.RequestJson).HasColumnName("request").HasColumnType("jsonb");
        builder.Property(run => run.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(run => run.RequestedBy).HasColumnName("requested_by").HasMaxLength(128);
        builder.Property(run => run.RequestedAt).HasColumnName("requested_at");
        builder.Property(run => run.StartedAt).HasColumnName("started_at");
        builder.Property(run => run.FinishedAt).HasColumnName("finished_at");
        builder.Property(run => run.HeartbeatAt).HasColumnName("heartbeat_at");
        builder.Property(run => run.Attempts).HasColumnName("attempts");
        builder.Property(run => run.BarsRead).HasColumnName("bars_read");
        builder.Property(run => run.BarsTotal).HasColumnName("bars_total");
        builder.Property(run => run.CancelRequested).HasColumnName("cancel_requested");
        builder.Property(run => run.Error).HasColumnName("error").HasMaxLength(2000);
        builder.Property(run => run.FiguresJson).HasColumnName("figures").HasColumnType("jsonb");
        builder.Property(run => run.EquityJson).HasColumnName("equity").HasColumnType("jsonb");
        builder.Property(run => run.TradesJson).HasColumnName("trades").HasColumnType("jsonb");
        builder.Property(run => run.TradesTruncated).HasColumnName("trades_truncated");
        builder.Property(run => run.ReportHtml).HasColumnName("report_html");
        builder.HasIndex(run => new { run.Status, run.RequestedAt });
        builder.HasIndex(run => new { run.PresetName, run.PresetVersion });
    }
}
