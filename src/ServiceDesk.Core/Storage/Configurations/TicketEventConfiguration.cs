using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("ticket_events");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.TicketId, e.Id });
        b.HasIndex(e => new { e.Kind, e.At });
    }
}
