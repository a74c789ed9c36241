using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class TicketThreadConfiguration : IEntityTypeConfiguration<TicketThread>
{
    public void Configure(EntityTypeBuilder<TicketThread> b)
    {
        b.ToTable("ticket_threads");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.Channel, t.ConversationId, t.ThreadId }).IsUnique();
        b.HasIndex(t => t.TicketId);
        b.HasOne(t => t.Ticket).WithMany().HasForeignKey(t => t.TicketId);
    }
}
