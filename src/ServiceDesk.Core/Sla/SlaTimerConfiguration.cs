using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Core.Sla;

internal sealed class SlaTimerConfiguration : IEntityTypeConfiguration<SlaTimer>
{
    public void Configure(EntityTypeBuilder<SlaTimer> b)
    {
        b.ToTable("sla_timers");
        b.HasKey(x => x.Id);
        b.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.FiredAt).IsConcurrencyToken();
        b.HasIndex(x => new { x.FiredAt, x.DueAt });
        b.HasIndex(x => new { x.TicketId, x.Kind, x.Fraction }).IsUnique();
    }
}
