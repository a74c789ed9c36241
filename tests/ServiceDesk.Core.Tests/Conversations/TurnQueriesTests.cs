using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Sla;
using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Core.Tests.Conversations;

/// <summary>The turn's start query (hand-written SQL): it must read back every mapped column, on both stores.</summary>
public sealed class TurnQueriesTests
{
    private static readonly DateTimeOffset Written = new(2026, 12, 4, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task Start_when_profile_and_state_exist_on_sqlite_reads_every_mapped_property_and_attaches_them()
    {
        using var store = new SqliteTestStore();
        await ReadsEveryPropertyAsync(store.CreateDbContext);
    }

    [PostgresFact]
    public async Task Start_when_profile_and_state_exist_on_postgres_reads_every_mapped_property_and_attaches_them()
    {
        var (connection, drop) = await PostgresTestDatabase.CreateAsync();
        try
        {
            var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
            StoreRegistration.Configure(builder, new ServiceDeskOptions { Database = { Provider = "Postgres", ConnectionString = connection } });
            await using (var db = new ServiceDeskDbContext(builder.Options)) await db.Database.MigrateAsync();
            await ReadsEveryPropertyAsync(() => new ServiceDeskDbContext(builder.Options));
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task Start_when_nothing_is_stored_says_not_processed_and_returns_no_entities()
    {
        using var store = new SqliteTestStore();
        await using var db = store.CreateDbContext();
        await db.Database.OpenConnectionAsync();

        var start = await new TurnQueries().StartAsync(db, "test", "m1", "alice", "test:alice:alice", default);

        Assert.Equal(new TurnStart(false, null, null), start);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Start_when_many_turns_start_at_once_gives_each_its_own_answer()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sd-turn-start-{Guid.NewGuid():N}.db");
        try
        {
            using var store = new SqliteTestStore(file);
            await using (var db = store.CreateDbContext())
            {
                db.AddRange(Enumerable.Range(0, 8).Select(i => new PersonProfile { PersonId = $"p{i}", Language = i % 2 == 0 ? "en" : "pl", UpdatedAt = Written }));
                await db.SaveChangesAsync();
            }
            var queries = new TurnQueries();

            var starts = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
            {
                await using var db = store.CreateDbContext();
                await db.Database.OpenConnectionAsync();
                var start = await queries.StartAsync(db, "test", $"m{i}", $"p{i % 8}", $"test:c{i}:p{i % 8}", default);
                return (i, start.Profile?.Language);
            })));

            Assert.All(starts, s => Assert.Equal(s.i % 2 == 0 ? "en" : "pl", s.Language));
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
        }
    }

    private static async Task ReadsEveryPropertyAsync(Func<ServiceDeskDbContext> open)
    {
        var profile = new PersonProfile
        {
            PersonId = "alice", Language = "pl", PrivateChannel = "telegram", PrivateConversationId = "42", Unreachable = true, UpdatedAt = Written,
        };
        var state = new ConversationState
        {
            Id = "telegram:42:alice", Channel = "telegram", ConversationId = "42", PersonId = "alice", Language = "ru", Dialog = "intake",
            Step = "impact", Data = """{"description":"printer"}""", UpdatedAt = Written.AddMinutes(1), Version = 7,
        };
        await using (var db = open())
        {
            db.AddRange(profile, state, new ProcessedMessage { Channel = "telegram", MessageId = "m1", ProcessedAt = Written });
            await db.SaveChangesAsync();
        }

        await using var turn = open();
        await turn.Database.OpenConnectionAsync();
        var queries = new TurnQueries();
        var seen = await queries.StartAsync(turn, "telegram", "m1", "alice", "telegram:42:alice", default);
        await using var other = open();
        var fresh = await queries.StartAsync(other, "telegram", "m2", "bob", "telegram:42:bob", default);

        Assert.True(seen.Processed);
        Assert.Equal(new TurnStart(false, null, null), fresh);
        AssertSameMapped(turn, profile, seen.Profile!);
        AssertSameMapped(turn, state, seen.State!);
        Assert.Equal(EntityState.Unchanged, turn.Entry(seen.Profile!).State);
        Assert.Equal(EntityState.Unchanged, turn.Entry(seen.State!).State);
        seen.State!.Step = "urgency";
        Assert.Equal(EntityState.Modified, turn.Entry(seen.State).State);
    }

    /// <summary>Every property EF Core maps (the model decides, so a column added later is checked too).</summary>
    private static void AssertSameMapped<T>(DbContext db, T expected, T actual) where T : class
    {
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            var info = property.PropertyInfo!;
            Assert.True(Equals(info.GetValue(expected), info.GetValue(actual)), $"{typeof(T).Name}.{info.Name}: stored {info.GetValue(expected)}, read {info.GetValue(actual)}");
        }
    }
}
