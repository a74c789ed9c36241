using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>
/// A requester's tickets are found by (requester, status): the lookup that runs before every new intake ("a ticket
/// waiting for this requester?") is one index seek, however many tickets wait for others. Replaces the index on the
/// requester alone, which this one's prefix serves. Not on the update time: that changes with every event of a ticket.
/// </summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261122090000_RequesterTicketsIndex")]
public sealed class RequesterTicketsIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_tickets_RequesterId", "tickets");
        m.CreateIndex("IX_tickets_RequesterId_Status", "tickets", ["RequesterId", "Status"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_tickets_RequesterId_Status", "tickets");
        m.CreateIndex("IX_tickets_RequesterId", "tickets", "RequesterId");
    }
}
