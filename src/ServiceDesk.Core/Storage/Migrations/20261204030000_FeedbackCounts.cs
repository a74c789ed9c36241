using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>
/// An article's helpful / not-helpful counts are counted from kb_feedback when read, no longer kept on the article: a
/// stored counter was a row every "solved it" and "not that" on that article had to update (lost updates when read and
/// written back, a hot row when incremented in the database), and a second copy of what the feedback rows say.
/// </summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261204030000_FeedbackCounts")]
public sealed class FeedbackCounts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropPlainColumn("HelpfulCount", "kb_articles");
        m.DropPlainColumn("NotHelpfulCount", "kb_articles");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.AddColumn<int>("HelpfulCount", "kb_articles", nullable: false, defaultValue: 0);
        m.AddColumn<int>("NotHelpfulCount", "kb_articles", nullable: false, defaultValue: 0);
        m.Sql("""
            UPDATE "kb_articles" SET
                "HelpfulCount" = (SELECT COUNT(*) FROM "kb_feedback" f WHERE f."ArticleId" = "kb_articles"."Id" AND f."Helpful"),
                "NotHelpfulCount" = (SELECT COUNT(*) FROM "kb_feedback" f WHERE f."ArticleId" = "kb_articles"."Id" AND NOT f."Helpful")
            """);
    }
}
