using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Core.People;

namespace ServiceDesk.Core.Storage.Configurations;

internal sealed class PersonProfileConfiguration : IEntityTypeConfiguration<PersonProfile>
{
    public void Configure(EntityTypeBuilder<PersonProfile> b)
    {
        b.ToTable("person_profiles");
        b.HasKey(p => p.PersonId);
    }
}
