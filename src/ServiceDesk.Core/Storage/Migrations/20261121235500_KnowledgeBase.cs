using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Knowledge base schema: articles and the feedback on them (Knowledge/Articles configurations).</summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261121235500_KnowledgeBase")]
public sealed class KnowledgeBase : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("kb_articles", t => new
        {
            Id = t.Column<string>(maxLength: 100, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(nullable: false),
            Tags = t.Column<string>(nullable: false),
            Language = t.Column<string>(maxLength: 8, nullable: false),
            Category = t.Column<string>(maxLength: 100, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            SourceTicket = t.Column<string>(maxLength: 32, nullable: true),
            HelpfulCount = t.Column<int>(nullable: false),
            NotHelpfulCount = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_kb_articles", x => x.Id));
        m.CreateIndex("IX_kb_articles_UpdatedAt", "kb_articles", "UpdatedAt");
        m.CreateIndex("IX_kb_articles_SourceTicket", "kb_articles", "SourceTicket");

        m.CreateTable("kb_feedback", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ArticleId = t.Column<string>(maxLength: 100, nullable: false),
            QueryTerms = t.Column<string>(maxLength: 1000, nullable: false),
            QueryText = t.Column<string>(maxLength: 500, nullable: false),
            Helpful = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_kb_feedback", x => x.Id);
            t.ForeignKey("FK_kb_feedback_kb_articles_ArticleId", x => x.ArticleId, "kb_articles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_kb_feedback_ArticleId", "kb_feedback", "ArticleId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("kb_feedback");
        m.DropTable("kb_articles");
    }
}
