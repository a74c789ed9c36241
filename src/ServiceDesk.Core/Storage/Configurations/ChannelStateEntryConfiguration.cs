using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class ChannelStateEntryConfiguration : IEntityTypeConfiguration<ChannelStateEntry>
{
    public void Configure(EntityTypeBuilder<ChannelStateEntry> b)
    {
        b.ToTable("channel_state");
        b.HasKey(e => new { e.Channel, e.Key });
    }
}
