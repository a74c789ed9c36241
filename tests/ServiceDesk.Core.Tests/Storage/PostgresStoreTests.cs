using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Conversations;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Storage;

/// <summary>The same store on PostgreSQL, the provider for several replicas: migrations, a whole ticket life, a contested claim.</summary>
public sealed class PostgresStoreTests
{
    /// <summary>A desk on a new, empty PostgreSQL database; <c>Drop</c> disposes the desk and drops the database.</summary>
    internal static async Task<(TestDesk Desk, Func<Task> Drop)> StartOnPostgresAsync(
        Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null)
    {
        var (connectionString, dropDatabase) = await PostgresTestDatabase.CreateAsync();
        var settings = TestDesk.DefaultSettings();
        settings["ServiceDesk:Database:Provider"] = "Postgres";
        settings["ServiceDesk:Database:ConnectionString"] = connectionString;
        configure?.Invoke(settings);
        var desk = await TestDesk.StartAsync(settings, services);
        return (desk, async () =>
        {
            await desk.DisposeAsync();
            await dropDatabase();
        });
    }

    [PostgresFact]
    public async Task Postgres_when_migrated_carries_a_ticket_through_its_whole_life()
    {
        var (desk, drop) = await StartOnPostgresAsync();
        try
        {
            await new Transcript(desk).PlayAsync(TicketLifeTranscriptTests.WholeLife);
            await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
            var t = await db.Tickets.Include(x => x.Events).SingleAsync();
            Assert.Equal(TicketStatus.Closed, t.Status);
            Assert.Equal(11, t.Events.Count);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_when_two_engineers_claim_at_once_lets_exactly_one_win()
    {
        var (desk, drop) = await StartOnPostgresAsync();
        try
        {
            await desk.OpenTicketAsync("alice", "Laptop does not boot");
            var engine = desk.Get<ConversationEngine>();
            InboundMessage Claim(string who) => new()
            {
                Channel = "test", ConversationId = "l1-team", SenderId = who, MessageId = "claim-" + who, Action = "claim SD-1", IsPrivate = false,
            };
            var results = await Task.WhenAll(Task.Run(() => engine.HandleAsync(Claim("lena"), CancellationToken.None)),
                Task.Run(() => engine.HandleAsync(Claim("kate"), CancellationToken.None)));
            var replies = results.Select(r => r.Messages.Last(m => m.To.ConversationId == "l1-team").Text).ToList();
            Assert.Single(replies, r => r == "You have taken SD-1.");
            Assert.Single(replies, r => r.StartsWith("SD-1 is already taken by", StringComparison.Ordinal));
        }
        finally
        {
            await drop();
        }
    }
}
