using BreakoutBot.Data.Json;
using BreakoutBot.Domain.Positions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Trading;

internal sealed class SignalRecordConfiguration : IEntityTypeConfiguration<SignalRecord>
{
    public void Configure(EntityTypeBuilder<SignalRecord> builder)
    {
        builder.ToTable("signals");
        builder.HasKey(signal => signal.SignalId);
        builder.HasIndex(signal => signal.ReceivedAt);
        builder.HasIndex(signal => new { signal.Symbol, signal.ReceivedAt });
    }
}

internal sealed class OrderRecordConfiguration : IEntityTypeConfiguration<OrderRecord>
{
    public void Configure(EntityTypeBuilder<OrderRecord> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(order => order.OrderId);
        builder.HasIndex(order => order.PositionId);
        builder.HasIndex(order => order.CreatedAt);
        builder.HasIndex(order => order.Status);
    }
}

internal sealed class FillRecordConfiguration : IEntityTypeConfiguration<FillRecord>
{
    public void Configure(EntityTypeBuilder<FillRecord> builder)
    {
        builder.ToTable("fills");
        builder.HasKey(fill => fill.ExecutionId);
        builder.HasIndex(fill => fill.OrderId);
        builder.HasIndex(fill => fill.PositionId);
        builder.HasIndex(fill => fill.ExecutedAt);
    }
}

internal sealed class PositionRecordConfiguration : IEntityTypeConfiguration<PositionRecord>
{
    public void Configure(EntityTypeBuilder<PositionRecord> builder)
    {
        builder.ToTable("positions");
        builder.HasKey(position => position.PositionId);
        builder.Property(position => position.Targets).HasColumnName("targets_json").HasColumnType("jsonb")
            .HasConversion(JsonColumn.TolerantListConverter<TakeProfitTarget>(), JsonColumn.Comparer<IReadOnlyList<TakeProfitTarget>>());
        builder.Property(position => position.EntryPlan).HasColumnName("entry_plan_json").HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<EntryProgress?>(), JsonColumn.Comparer<EntryProgress?>());
        // PostgreSQL's system column xmin changes on every row update: a concurrency token without a column of our own.
        builder.Property(position => position.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(position => position.Status);
        builder.HasIndex(position => position.SignalId).IsUnique();
    }
}

internal sealed class FundingPaymentRecordConfiguration : IEntityTypeConfiguration<FundingPaymentRecord>
{
    public void Configure(EntityTypeBuilder<FundingPaymentRecord> builder)
    {
        builder.ToTable("funding_payments");
        builder.HasKey(payment => payment.TransactionId);
        builder.HasIndex(payment => payment.PositionId);
    }
}

internal sealed class TradeRecordConfiguration : IEntityTypeConfiguration<TradeRecord>
{
    public void Configure(EntityTypeBuilder<TradeRecord> builder)
    {
        builder.ToTable("trades");
        builder.HasKey(trade => trade.TradeId);
        builder.HasIndex(trade => trade.PositionId).IsUnique();
        builder.HasIndex(trade => trade.ClosedAt);
        builder.HasIndex(trade => new { trade.Symbol, trade.ClosedAt });
    }
}

internal sealed class DriftRecordConfiguration : IEntityTypeConfiguration<DriftRecord>
{
    public void Configure(EntityTypeBuilder<DriftRecord> builder)
    {
        builder.ToTable("reconciliation_drifts");
        builder.HasKey(drift => drift.DriftId);
        builder.HasIndex(drift => drift.FoundAt);
        builder.HasIndex(drift => drift.PositionId);
    }
}
