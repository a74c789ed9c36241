using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>EF Core mapping of <see cref="KnowledgeFeedback"/> (table kb_feedback).</summary>
public sealed class KnowledgeFeedbackConfiguration : IEntityTypeConfiguration<KnowledgeFeedback>
{
    public const string Table = "kb_feedback";

    public void Configure(EntityTypeBuilder<KnowledgeFeedback> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.Property(f => f.ArticleId).HasMaxLength(KnowledgeArticle.MaxIdLength).IsRequired();
        builder.Property(f => f.QueryTerms).HasMaxLength(1000).IsRequired();
        builder.Property(f => f.QueryText).HasMaxLength(KnowledgeFeedback.MaxQueryLength).IsRequired();
        builder.HasIndex(f => f.ArticleId);
        builder.HasIndex(f => f.PersonId);
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
