using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>
/// A conversation's state carries a version that every save raises: of two overlapping turns of one conversation the
/// later save fails and its turn runs again on the state the earlier one left (before, the later save overwrote it).
/// </summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261204060000_ConversationVersion")]
public sealed class ConversationVersion : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<int>("Version", "conversations", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder m) =>
        m.DropPlainColumn("Version", "conversations");
}
