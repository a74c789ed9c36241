using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.Number).IsUnique();
        b.HasIndex(t => t.Key).IsUnique();
        b.HasIndex(t => new { t.Status, t.Line });
        b.HasIndex(t => new { t.Status, t.ResolvedAt });
        b.HasIndex(t => new { t.RequesterId, t.Status }); // a requester's tickets; those waiting for them
        b.HasIndex(t => t.AssigneeId);
        b.Property(t => t.Key).HasMaxLength(32);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.LastEvent);
        b.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId);
        b.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId);
    }
}
