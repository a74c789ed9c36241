using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Schema version 2: each ticket's SLA clocks, and the timers the SLA monitor acts on.</summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261122003000_SlaClocks")]
public sealed class SlaClocks : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ticket_sla", t => new
        {
            TicketId = t.Column<long>(nullable: false),
            Priority = t.Column<string>(maxLength: 8, nullable: false),
            Paused = t.Column<bool>(nullable: false),
            ResponseTarget = t.Column<long>(nullable: false),
            ResponseCalendar = t.Column<string>(maxLength: 64, nullable: false),
            ResponseConsumed = t.Column<long>(nullable: false),
            ResponseRunningSince = t.Column<long>(nullable: true),
            ResponseDueAt = t.Column<long>(nullable: true),
            ResponseMetAt = t.Column<long>(nullable: true),
            ResolutionTarget = t.Column<long>(nullable: false),
            ResolutionCalendar = t.Column<string>(maxLength: 64, nullable: false),
            ResolutionConsumed = t.Column<long>(nullable: false),
            ResolutionRunningSince = t.Column<long>(nullable: true),
            ResolutionDueAt = t.Column<long>(nullable: true),
            ResolutionMetAt = t.Column<long>(nullable: true),
            L1Consumed = t.Column<long>(nullable: false),
            L1RunningSince = t.Column<long>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ticket_sla", x => x.TicketId);
            t.ForeignKey("FK_ticket_sla_tickets_TicketId", x => x.TicketId, "tickets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ticket_sla_ResolutionDueAt", "ticket_sla", "ResolutionDueAt");

        m.CreateTable("sla_timers", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            TicketId = t.Column<long>(nullable: false),
            Kind = t.Column<string>(maxLength: 32, nullable: false),
            Fraction = t.Column<double>(nullable: false),
            DueAt = t.Column<long>(nullable: false),
            FiredAt = t.Column<long>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_sla_timers", x => x.Id);
            t.ForeignKey("FK_sla_timers_tickets_TicketId", x => x.TicketId, "tickets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_sla_timers_FiredAt_DueAt", "sla_timers", ["FiredAt", "DueAt"]);
        m.CreateIndex("IX_sla_timers_TicketId_Kind_Fraction", "sla_timers", ["TicketId", "Kind", "Fraction"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("sla_timers");
        m.DropTable("ticket_sla");
    }
}
