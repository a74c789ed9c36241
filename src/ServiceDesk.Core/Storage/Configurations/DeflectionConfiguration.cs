using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Core.Conversations.Intake;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class DeflectionConfiguration : IEntityTypeConfiguration<Deflection>
{
    public void Configure(EntityTypeBuilder<Deflection> b)
    {
        b.ToTable("deflections");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.At);
        b.HasIndex(d => d.ArticleId);
    }
}
