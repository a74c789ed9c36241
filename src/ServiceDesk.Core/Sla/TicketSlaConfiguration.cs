using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Core.Sla;

internal sealed class TicketSlaConfiguration : IEntityTypeConfiguration<TicketSla>
{
    public void Configure(EntityTypeBuilder<TicketSla> b)
    {
        b.ToTable("ticket_sla");
        b.HasKey(x => x.TicketId);
        b.HasOne(x => x.Ticket).WithOne().HasForeignKey<TicketSla>(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Priority).HasMaxLength(8);
        b.Property(x => x.ResponseCalendar).HasMaxLength(64);
        b.Property(x => x.ResolutionCalendar).HasMaxLength(64);
        foreach (var p in new[] { nameof(TicketSla.ResponseTarget), nameof(TicketSla.ResponseConsumed), nameof(TicketSla.ResolutionTarget), nameof(TicketSla.ResolutionConsumed), nameof(TicketSla.L1Consumed) })
            b.Property(p).HasConversion<long>();
        b.HasIndex(x => x.ResolutionDueAt);
    }
}
