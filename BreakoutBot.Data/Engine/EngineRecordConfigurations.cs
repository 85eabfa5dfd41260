using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Engine;

internal sealed class EngineSessionRecordConfiguration : IEntityTypeConfiguration<EngineSessionRecord>
{
    public void Configure(EntityTypeBuilder<EngineSessionRecord> builder)
    {
        builder.ToTable("engine_sessions");
        builder.HasKey(session => session.Id);
        builder.Property(session => session.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(session => session.StartedAt);
    }
}

internal sealed class EngineStateRecordConfiguration : IEntityTypeConfiguration<EngineStateRecord>
{
    public void Configure(EntityTypeBuilder<EngineStateRecord> builder)
    {
        builder.ToTable("engine_state");
        builder.HasKey(state => state.Account);
    }
}

internal sealed class RiskStateRecordConfiguration : IEntityTypeConfiguration<RiskStateRecord>
{
    public void Configure(EntityTypeBuilder<RiskStateRecord> builder)
    {
        builder.ToTable("risk_state");
        builder.HasKey(state => state.Account);
    }
}

internal sealed class EquitySnapshotRecordConfiguration : IEntityTypeConfiguration<EquitySnapshotRecord>
{
    public void Configure(EntityTypeBuilder<EquitySnapshotRecord> builder)
    {
        builder.ToTable("equity_snapshots");
        builder.HasKey(snapshot => snapshot.Id);
        builder.Property(snapshot => snapshot.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(snapshot => snapshot.At);
    }
}
