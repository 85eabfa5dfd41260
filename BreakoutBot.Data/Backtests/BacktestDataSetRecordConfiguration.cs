using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Backtests;

internal sealed class BacktestDataSetRecordConfiguration : IEntityTypeConfiguration<BacktestDataSetRecord>
{
    public void Configure(EntityTypeBuilder<BacktestDataSetRecord> builder)
    {
        builder.ToTable("backtest_data_sets");
        builder.HasKey(dataSet => dataSet.Name);
        builder.Property(dataSet => dataSet.Name).HasMaxLength(128);
    }
}
