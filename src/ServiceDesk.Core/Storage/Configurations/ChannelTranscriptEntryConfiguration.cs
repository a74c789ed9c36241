using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class ChannelTranscriptEntryConfiguration : IEntityTypeConfiguration<ChannelTranscriptEntry>
{
    public void Configure(EntityTypeBuilder<ChannelTranscriptEntry> b)
    {
        b.ToTable("channel_transcripts");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.Channel, e.ConversationId, e.Sequence }).IsUnique();
    }
}
