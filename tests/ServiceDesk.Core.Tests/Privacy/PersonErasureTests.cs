using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary>
/// Forgetting a person: one employee's whole story (a knowledge-base suggestion turned down, intake, ticket, an engineer's
/// question, her answer, resolution, a draft article from her ticket, a second intake left half-way), a second employee
/// whose data must stay, then the erasure and a scan of every column of every table of the store.
/// </summary>
public sealed class PersonErasureTests
{
    private const string Zoe = "zq7781";
    private const string ZoeId = "test:" + Zoe;
    private const string ZoeName = "Quartermaine";
    private const string ZoeMarker = "zebrafrost";
    private const string Yves = "yx5512";
    private const string YvesMarker = "kumquatpeak";

    [Fact]
    public async Task Erasure_after_a_whole_ticket_story_leaves_no_trace_of_the_person_in_any_table_and_keeps_the_other_requester_and_the_counts()
    {
        await using var desk = await TestDesk.StartAsync();
        await PlayStoryAsync(desk);
        var file = Path.Combine(desk.DataDirectory, "servicedesk.db");
        foreach (var needle in new[] { Zoe, ZoeMarker, ZoeName })
            Assert.NotEmpty(await StoreTextScan.FindAsync(file, needle)); // the story did leave them in the store
        var ticketsBefore = await CountAsync(desk, db => db.Tickets.CountAsync());
        var eventsBefore = await CountAsync(desk, db => db.TicketEvents.CountAsync());

        var result = await desk.Get<PersonErasure>().EraseAsync(ZoeId, CancellationToken.None);

        Assert.True(await StoreTextScan.TableCountAsync(file) >= 15);
        foreach (var needle in new[] { Zoe, ZoeMarker, ZoeName })
            Assert.Empty(await StoreTextScan.FindAsync(file, needle));
        Assert.Contains("tickets.Description (1 rows)", await StoreTextScan.FindAsync(file, YvesMarker));
        Assert.NotEmpty(await StoreTextScan.FindAsync(file, Yves));
        Assert.Equal(ticketsBefore, await CountAsync(desk, db => db.Tickets.CountAsync()));
        Assert.Equal(eventsBefore + 1, await CountAsync(desk, db => db.TicketEvents.CountAsync())); // + the audit event

        Assert.Equal(ZoeId, result.PersonId);
        Assert.False(result.NamedInConfiguration);
        Assert.Matches("^erased:[0-9a-f]{12}$", result.Pseudonym!);
        var erased = result.Erased.ToDictionary();
        Assert.Equal(1, erased["person_profiles"]);
        Assert.Equal(1, erased["tickets"]);
        Assert.Equal(1, erased["kb_feedback"]);
        Assert.Equal(1, erased["kb_articles_drafts"]);
        Assert.True(erased["conversations"] >= 1);
        Assert.True(erased["outbox"] > 5);
        Assert.True(erased["ticket_events_text"] >= 3);

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.Include(t => t.Events).SingleAsync(t => t.Key == "SD-2");
        Assert.Equal((result.Pseudonym, PersonErasure.Erased, PersonErasure.Erased), (ticket.RequesterId, ticket.RequesterName, ticket.Title));
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.NotNull(ticket.ResolvedAt);
        var audit = ticket.Events.Single(e => e.Kind == TicketEventKinds.PersonalDataErased);
        Assert.Equal(("system", null), (audit.ActorId, audit.Text));
        Assert.Equal("Lena", ticket.AssigneeName);
    }

    [Fact]
    public async Task Erasure_when_run_again_changes_nothing_and_reports_zeros()
    {
        await using var desk = await TestDesk.StartAsync();
        await PlayStoryAsync(desk);
        var erasure = desk.Get<PersonErasure>();
        var first = await erasure.EraseAsync(ZoeId, CancellationToken.None);
        var eventsAfterFirst = await CountAsync(desk, db => db.TicketEvents.CountAsync());

        var second = await erasure.EraseAsync(ZoeId, CancellationToken.None);

        Assert.True(first.Total > 0);
        Assert.True(second.NothingFound);
        Assert.Null(second.Pseudonym);
        Assert.All(second.Erased, e => Assert.Equal(0, e.Value));
        Assert.Equal(first.Erased.Select(e => e.Key), second.Erased.Select(e => e.Key));
        Assert.Equal(eventsAfterFirst, await CountAsync(desk, db => db.TicketEvents.CountAsync()));
    }

    [Fact]
    public async Task Erasure_of_a_configured_engineer_pseudonymises_their_actions_and_says_the_settings_still_name_them()
    {
        await using var desk = await TestDesk.StartAsync();
        await PlayStoryAsync(desk);

        var result = await desk.Get<PersonErasure>().EraseAsync("test:lena", CancellationToken.None);

        Assert.Equal("lena", result.PersonId);
        Assert.True(result.NamedInConfiguration);
        Assert.True(result.Erased.ToDictionary()["ticket_events_actor"] > 0);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.False(await db.TicketEvents.AnyAsync(e => e.ActorId == "lena" || e.ActorName == "Lena"));
        Assert.False(await db.Tickets.AnyAsync(t => t.AssigneeId == "lena"));
        Assert.Equal(result.Pseudonym, (await db.Tickets.FirstAsync(t => t.Key == "SD-1")).AssigneeId);
        Assert.Equal("l1-team", (await db.TicketThreads.FirstAsync(t => t.Ticket!.Key == "SD-1")).ConversationId); // the team channel stays
    }

    /// <summary>Yves's ticket becomes a published article; Zoe turns it down as a suggestion, opens her own ticket, answers a question, gets it resolved and drafted.</summary>
    private static async Task PlayStoryAsync(TestDesk desk)
    {
        await desk.OpenTicketAsync(Yves, $"Plotter {YvesMarker} prints magenta stripes on every page");
        await desk.SendAsync("lena", "l1-team", "claim SD-1", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", "resolve SD-1 Run the head cleaning, then replace the magenta cartridge.", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", "kb draft SD-1", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", "kb publish kb-sd-1", isPrivate: false);

        await desk.SendAsync(Zoe, Zoe, $"The plotter prints magenta stripes, {ZoeMarker} everywhere", senderName: $"Zoe {ZoeName}");
        var suggestion = desk.Channel.Delivered.Last(d => d.Message.To.ConversationId == Zoe).Message;
        Assert.Contains(suggestion.Buttons, b => b.Value == "notthat"); // the knowledge base suggested Yves's article
        await desk.SendAsync(Zoe, Zoe, null, action: "notthat", senderName: $"Zoe {ZoeName}");
        foreach (var answer in TestDesk.IntakeAnswers)
            await desk.SendAsync(Zoe, Zoe, answer, senderName: $"Zoe {ZoeName}");
        Assert.Contains(desk.Channel.Delivered, d => d.Message.To.ConversationId == Zoe && d.Message.Text.Contains("SD-2"));

        await desk.SendAsync("lena", "l1-team", "claim SD-2", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", "ask SD-2 Which floor are you on?", isPrivate: false);
        await desk.SendAsync(Zoe, Zoe, $"Floor 3, next to the {ZoeMarker} poster", senderName: $"Zoe {ZoeName}");
        await desk.SendAsync("lena", "l1-team", "resolve SD-2 Replaced the magenta cartridge.", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", "kb draft SD-2", isPrivate: false);
        await desk.SendAsync(Zoe, Zoe, $"Another thing: my {ZoeMarker} badge does not open the door", senderName: $"Zoe {ZoeName}");
    }

    private static async Task<int> CountAsync(TestDesk desk, Func<ServiceDeskDbContext, Task<int>> count)
    {
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        return await count(db);
    }
}
