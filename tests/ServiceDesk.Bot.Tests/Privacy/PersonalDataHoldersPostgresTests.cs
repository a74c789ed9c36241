using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Bot.Tests.Privacy;

/// <summary>The channel holders on PostgreSQL (the store for several replicas): the same checks as <see cref="PersonalDataHoldersTests"/>.</summary>
public sealed class PersonalDataHoldersPostgresTests
{
    [PostgresFact]
    public async Task Postgres_when_a_person_is_forgotten_telegram_state_loses_their_chat_records_and_pending_updates_and_keeps_the_others()
    {
        var (connectionString, drop) = await PostgresTestDatabase.CreateAsync();
        try
        {
            await using var desk = OnPostgres(connectionString);
            await PersonalDataHoldersTests.TelegramStateIsForgottenAsync(desk);
            await AssertOnPostgresAsync(desk);
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_when_a_person_is_forgotten_web_rooms_lose_their_room_and_conversations_and_team_rooms_keep_their_watermarks_with_the_content_erased()
    {
        var (connectionString, drop) = await PostgresTestDatabase.CreateAsync();
        try
        {
            await using var desk = OnPostgres(connectionString);
            await PersonalDataHoldersTests.WebRoomsAreForgottenAsync(desk);
            await AssertOnPostgresAsync(desk);
        }
        finally
        {
            await drop();
        }
    }

    private static async Task AssertOnPostgresAsync(DeskFactory desk)
    {
        await using var db = await desk.Services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.True(db.Database.IsNpgsql());
    }

    private static DeskFactory OnPostgres(string connectionString) => new(new()
    {
        ["ServiceDesk:Database:Provider"] = "Postgres",
        ["ServiceDesk:Database:ConnectionString"] = connectionString,
    });
}
