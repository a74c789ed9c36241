using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationState>
{
    public void Configure(EntityTypeBuilder<ConversationState> b)
    {
        b.ToTable("conversations");
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
