using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Schema version 2: the auto-close pass finds resolved tickets by resolution time through an index.</summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261121233000_AutoCloseIndex")]
public sealed class AutoCloseIndex : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_tickets_Status_ResolvedAt", "tickets", ["Status", "ResolvedAt"]);

    protected override void Down(MigrationBuilder m) => m.DropIndex("IX_tickets_Status_ResolvedAt", "tickets");
}
