using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Storage;

/// <summary>An ordinary turn's rows written on the SQLite writer without EF Core's update pipeline.</summary>
public sealed class SqliteDirectSaveTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task Save_when_only_a_turn_s_rows_changed_writes_every_mapped_column_without_EF_Core()
    {
        await using var desk = await TestDesk.StartAsync();
        var writer = desk.Get<SqliteWriter>();
        var before = writer.DirectSaves;
        var state = new ConversationState
        {
            Id = "web:c1:alice", Channel = "web", ConversationId = "c1", PersonId = "alice", Language = "pl", Dialog = "intake",
            Step = "category", Data = """{"problem":"VPN"}""", UpdatedAt = At, Version = 3,
        };
        var profile = new PersonProfile { PersonId = "alice", Language = "pl", PrivateChannel = "web", PrivateConversationId = "c1", Unreachable = true, UpdatedAt = At };
        var message = new ProcessedMessage { Channel = "web", MessageId = "m-1", ProcessedAt = At };
        var value = new ChannelStateEntry { Channel = "web", Key = "conversation:c1", Value = "{}", UpdatedAt = At };
        var lines = new[] { Line("c1", 1, "{\"n\":1}"), Line("c1", 2, "{\"n\":2}") };

        await using (var db = await CreateAsync(desk))
        {
            db.AddRange(state, profile, message, value);
            db.ChannelTranscripts.AddRange(lines);
            Assert.Equal(6, await db.SaveChangesAsync());
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        Assert.Equal(before + 1, writer.DirectSaves);
        await using var check = await CreateAsync(desk);
        AssertSameColumns(state, await check.Conversations.AsNoTracking().SingleAsync(), check);
        AssertSameColumns(profile, await check.Profiles.AsNoTracking().SingleAsync(), check);
        AssertSameColumns(message, await check.ProcessedMessages.AsNoTracking().SingleAsync(), check);
        AssertSameColumns(value, await check.ChannelState.AsNoTracking().SingleAsync(), check);
        var stored = await check.ChannelTranscripts.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync();
        Assert.Equal(2, stored.Count);
        for (var i = 0; i < 2; i++)
            AssertSameColumns(lines[i], stored[i], check); // the keys SQLite generated are on the entities too
    }

    [Fact]
    public async Task Save_when_a_ticket_is_created_writes_it_first_and_its_rows_with_the_key_SQLite_gave_it()
    {
        await using var desk = await TestDesk.StartAsync();
        var writer = desk.Get<SqliteWriter>();
        var before = writer.DirectSaves;
        var ticket = new Ticket
        {
            Number = 7, Key = "INC-0007", Type = TicketType.Incident, Title = "VPN", Description = "VPN does not connect", Category = "network",
            Impact = Level.High, Urgency = Level.Low, Priority = Priority.P2, Line = SupportLine.L2, Status = TicketStatus.New, RequesterId = "alice",
            RequesterName = "Alice", OriginChannel = "web", OriginConversationId = "c1", Language = "pl", Details = "{}", CreatedAt = At, UpdatedAt = At,
            ResolvedByLine = SupportLine.L1, CsatScore = 4, ReopenCount = 1, WasEscalated = true,
        };
        ticket.Events.Add(new TicketEvent { At = At, Kind = "created", ActorId = "alice", ActorName = "Alice", Channel = "web", ToStatus = TicketStatus.New, Text = "VPN" });
        var sla = new TicketSla
        {
            Ticket = ticket, Priority = "P2", ResponseTarget = TimeSpan.FromHours(1), ResponseCalendar = "24x7", ResolutionTarget = TimeSpan.FromHours(8),
            ResolutionCalendar = "business", ResponseRunningSince = At, ResponseDueAt = At.AddHours(1), ResolutionDueAt = At.AddHours(8), L1Consumed = TimeSpan.FromMinutes(3),
        };
        var timers = new[] { new SlaTimer { Ticket = ticket, Kind = SlaTimerKind.ResponseWarning, Fraction = 0.8, DueAt = At.AddMinutes(48) },
            new SlaTimer { Ticket = ticket, Kind = SlaTimerKind.ResponseBreach, Fraction = 1, DueAt = At.AddHours(1) } };
        var thread = new TicketThread { Ticket = ticket, Channel = "web", ConversationId = "l2-team", ThreadId = "t-1", CreatedAt = At };

        await using (var db = await CreateAsync(desk))
        {
            db.Tickets.Add(ticket);
            db.AddRange(sla, thread);
            db.AddRange(timers);
            Assert.Equal(6, await db.SaveChangesAsync());
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.True(ticket.Id > 0);
            Assert.All([sla.TicketId, thread.TicketId, ticket.Events[0].TicketId, .. timers.Select(t => t.TicketId)], id => Assert.Equal(ticket.Id, id));
            Assert.Same(ticket, sla.Ticket); // the object graph stays as it was built
            Assert.Single(ticket.Events);
        }

        Assert.Equal(before + 1, writer.DirectSaves);
        await using var check = await CreateAsync(desk);
        AssertSameColumns(ticket, await check.Tickets.AsNoTracking().SingleAsync(), check);
        AssertSameColumns(ticket.Events[0], await check.TicketEvents.AsNoTracking().SingleAsync(), check);
        AssertSameColumns(sla, await check.Set<TicketSla>().AsNoTracking().SingleAsync(), check);
        AssertSameColumns(thread, await check.TicketThreads.AsNoTracking().SingleAsync(), check);
        var storedTimers = await check.Set<SlaTimer>().AsNoTracking().OrderBy(t => t.DueAt).ToListAsync();
        for (var i = 0; i < timers.Length; i++)
            AssertSameColumns(timers[i], storedTimers[i], check);
    }

    [Fact]
    public async Task Save_when_an_SLA_timer_fired_meanwhile_fails_as_a_concurrency_conflict()
    {
        await using var desk = await TestDesk.StartAsync();
        var ticket = new Ticket { Number = 1, Key = "INC-0001", Title = "t", RequesterId = "alice", CreatedAt = At, UpdatedAt = At };
        await using (var db = await CreateAsync(desk))
        {
            db.Tickets.Add(ticket);
            db.Add(new SlaTimer { Ticket = ticket, Kind = SlaTimerKind.ResponseBreach, Fraction = 1, DueAt = At });
            await db.SaveChangesAsync();
        }
        await using var first = await CreateAsync(desk);
        await using var second = await CreateAsync(desk);
        var mine = await first.Set<SlaTimer>().SingleAsync();
        var theirs = await second.Set<SlaTimer>().SingleAsync();
        mine.FiredAt = At; // the token was NULL when both read it
        await first.SaveChangesAsync();

        theirs.FiredAt = At.AddSeconds(1);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Intake_when_it_opens_a_ticket_saves_every_turn_without_EF_Core()
    {
        await using var desk = await TestDesk.StartAsync();
        var writer = desk.Get<SqliteWriter>();
        var (direct, fallback) = (writer.DirectSaves, writer.FallbackSaves);

        await desk.OpenTicketAsync("alice", "My printer jams on every page");

        await using var check = await CreateAsync(desk);
        Assert.Equal(1, await check.Tickets.CountAsync());
        Assert.NotEqual(0, await check.Outbox.CountAsync()); // the team's card went out through the outbox
        Assert.Equal(fallback, writer.FallbackSaves); // a kind of row added to a turn must be covered, or turns slow down
        Assert.True(writer.DirectSaves - direct >= 1 + TestDesk.IntakeAnswers.Length);
    }

    [Fact]
    public async Task Save_when_the_conversation_changed_writes_every_column_and_raises_its_version()
    {
        await using var desk = await TestDesk.StartAsync();
        await using (var db = await CreateAsync(desk))
        {
            db.Conversations.Add(new ConversationState { Id = "web:c1:alice", Channel = "web", ConversationId = "c1", PersonId = "alice", UpdatedAt = At });
            await db.SaveChangesAsync();
        }

        await using (var db = await CreateAsync(desk))
        {
            var state = await db.Conversations.SingleAsync();
            (state.Dialog, state.Step, state.Language, state.Data, state.UpdatedAt) = ("intake", "urgency", "ru", """{"impact":"me"}""", At.AddMinutes(1));
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = "web", MessageId = "m-2", ProcessedAt = At });
            await db.SaveChangesAsync();
        }

        await using var check = await CreateAsync(desk);
        var stored = await check.Conversations.AsNoTracking().SingleAsync();
        Assert.Equal(("intake", "urgency", "ru", """{"impact":"me"}""", At.AddMinutes(1), 1), (stored.Dialog, stored.Step, stored.Language, stored.Data, stored.UpdatedAt, stored.Version));
    }

    [Fact]
    public async Task Save_when_the_conversation_was_saved_meanwhile_fails_as_a_concurrency_conflict_and_writes_nothing()
    {
        await using var desk = await TestDesk.StartAsync();
        await using (var db = await CreateAsync(desk))
        {
            db.Conversations.Add(new ConversationState { Id = "web:c1:alice", Channel = "web", ConversationId = "c1", PersonId = "alice", UpdatedAt = At });
            await db.SaveChangesAsync();
        }
        await using var first = await CreateAsync(desk);
        await using var second = await CreateAsync(desk);
        var mine = await first.Conversations.SingleAsync();
        var theirs = await second.Conversations.SingleAsync();
        mine.Step = "impact";
        await first.SaveChangesAsync();

        theirs.Step = "category";
        second.ProcessedMessages.Add(new ProcessedMessage { Channel = "web", MessageId = "late", ProcessedAt = At });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = await CreateAsync(desk);
        Assert.Equal("impact", (await check.Conversations.AsNoTracking().SingleAsync()).Step);
        Assert.Empty(await check.ProcessedMessages.ToListAsync()); // rolled back with the conflicting update
        check.ProcessedMessages.Add(new ProcessedMessage { Channel = "web", MessageId = "next", ProcessedAt = At });
        await check.SaveChangesAsync(); // the writer is usable again
        Assert.Equal(["next"], await check.ProcessedMessages.Select(p => p.MessageId).ToListAsync());
    }

    [Fact]
    public async Task Save_when_a_row_is_deleted_leaves_the_whole_save_to_EF_Core()
    {
        await using var desk = await TestDesk.StartAsync();
        var writer = desk.Get<SqliteWriter>();
        await using (var db = await CreateAsync(desk))
        {
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = "web", MessageId = "old", ProcessedAt = At });
            await db.SaveChangesAsync();
        }
        var (direct, fallback) = (writer.DirectSaves, writer.FallbackSaves);
        await using (var db = await CreateAsync(desk))
        {
            db.ProcessedMessages.Remove(await db.ProcessedMessages.SingleAsync());
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = "web", MessageId = "new", ProcessedAt = At });

            Assert.Equal(2, await db.SaveChangesAsync());
        }

        Assert.Equal((direct, fallback + 1), (writer.DirectSaves, writer.FallbackSaves));
        await using var check = await CreateAsync(desk);
        Assert.Equal(["new"], await check.ProcessedMessages.Select(p => p.MessageId).ToListAsync());
    }

    [Fact]
    public async Task Save_when_nothing_changed_writes_nothing_and_counts_no_fallback()
    {
        await using var desk = await TestDesk.StartAsync();
        var writer = desk.Get<SqliteWriter>();
        var (direct, fallback) = (writer.DirectSaves, writer.FallbackSaves);
        await using var db = await CreateAsync(desk);

        Assert.Equal(0, await db.SaveChangesAsync());

        Assert.Equal((direct, fallback), (writer.DirectSaves, writer.FallbackSaves));
    }

    [Fact]
    public async Task Save_when_changes_are_not_accepted_keeps_them_pending_with_the_generated_keys()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var db = await CreateAsync(desk);
        var line = Line("c1", 1, "{}");
        db.ChannelTranscripts.Add(line);

        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false);

        var entry = db.Entry(line);
        Assert.Equal(EntityState.Added, entry.State);
        Assert.False(entry.Property(l => l.Id).IsTemporary);
        await using var check = await CreateAsync(desk);
        Assert.Equal(line.Id, (await check.ChannelTranscripts.SingleAsync()).Id);
    }

    private static ChannelTranscriptEntry Line(string room, long sequence, string payload) =>
        new() { Channel = "web", ConversationId = room, Sequence = sequence, Payload = payload, CreatedAt = At };

    private static async Task<ServiceDeskDbContext> CreateAsync(TestDesk desk) =>
        await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();

    /// <summary>Every property the EF model maps, read back equal (a column the direct save left out would differ).</summary>
    private static void AssertSameColumns<T>(T expected, T actual, ServiceDeskDbContext db) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        foreach (var property in type.GetProperties())
        {
            var getter = property.GetGetter();
            Assert.True(Equals(getter.GetClrValueUsingContainingEntity(expected), getter.GetClrValueUsingContainingEntity(actual)),
                $"{typeof(T).Name}.{property.Name}: {getter.GetClrValueUsingContainingEntity(expected)} written, {getter.GetClrValueUsingContainingEntity(actual)} read");
        }
    }
}
