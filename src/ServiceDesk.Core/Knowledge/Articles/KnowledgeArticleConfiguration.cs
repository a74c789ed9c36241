using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>EF Core mapping of <see cref="KnowledgeArticle"/> (table kb_articles). Tags are one text column, one tag per line.</summary>
public sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public const string Table = "kb_articles";

    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(KnowledgeArticle.MaxIdLength);
        builder.Property(a => a.Title).HasMaxLength(KnowledgeArticle.MaxTitleLength).IsRequired();
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.Tags)
            .HasConversion(
                tags => string.Join('\n', tags),
                text => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>(
                    (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                    v => v.ToList()))
            .IsRequired();
        builder.Property(a => a.Language).HasMaxLength(8).IsRequired();
        builder.Property(a => a.Category).HasMaxLength(100);
        builder.Property(a => a.Status).HasMaxLength(16).IsRequired();
        builder.Property(a => a.SourceTicket).HasMaxLength(32);
        builder.Property(a => a.UpdatedAt);
        builder.Ignore(a => a.IsPublished);
        // counted from kb_feedback when read (EfKnowledgeStore), not stored
        builder.Ignore(a => a.HelpfulCount);
        builder.Ignore(a => a.NotHelpfulCount);
        builder.HasIndex(a => a.UpdatedAt);
        builder.HasIndex(a => a.SourceTicket);
    }
}
