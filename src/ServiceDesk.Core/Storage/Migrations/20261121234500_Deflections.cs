using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Schema version 3: problems solved by a knowledge-base article without a ticket.</summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261121234500_Deflections")]
public sealed class Deflections : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("deflections", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            At = t.Column<long>(nullable: false),
            PersonId = t.Column<string>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            ArticleId = t.Column<string>(nullable: false),
            Query = t.Column<string>(nullable: false),
            Language = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_deflections", x => x.Id));
        m.CreateIndex("IX_deflections_At", "deflections", "At");
        m.CreateIndex("IX_deflections_ArticleId", "deflections", "ArticleId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("deflections");
}
