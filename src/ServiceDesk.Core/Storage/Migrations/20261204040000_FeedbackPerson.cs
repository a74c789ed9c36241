using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>
/// Knowledge-base feedback keeps who gave it, so that forgetting a person deletes it, also the feedback of an intake
/// given up before it became a ticket (before, it could only be found by the texts of their tickets and intakes).
/// Feedback recorded before has none.
/// </summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261204040000_FeedbackPerson")]
public sealed class FeedbackPerson : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("PersonId", "kb_feedback", nullable: true);
        m.CreateIndex("IX_kb_feedback_PersonId", "kb_feedback", "PersonId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_kb_feedback_PersonId", "kb_feedback");
        m.DropPlainColumn("PersonId", "kb_feedback");
    }
}
