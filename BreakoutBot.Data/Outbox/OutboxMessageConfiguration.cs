using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BreakoutBot.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).UseIdentityAlwaysColumn();
        builder.Property(message => message.EnvelopeJson).HasColumnType("jsonb");
        builder.HasIndex(message => message.MessageId).IsUnique();

        // The publisher only ever looks for what is still unsent.
        builder.HasIndex(message => message.Id).HasFilter("published_at IS NULL").HasDatabaseName("ix_outbox_unpublished");
    }
}
