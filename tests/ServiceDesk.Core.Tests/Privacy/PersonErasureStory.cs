using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary>
/// The story the erasure tests play on every provider (SQLite in <see cref="PersonErasureTests"/>, PostgreSQL in
/// <see cref="PersonErasurePostgresTests"/>): one employee's whole story (a knowledge-base suggestion turned down,
/// intake, ticket, an engineer's question, her answer, resolution, a draft article from her ticket, a second intake left
/// half-way) and a second employee whose data must stay; and the check that erasing the first leaves no trace of her in
/// any text column of any table.
/// </summary>
internal static class PersonErasureStory
{
    public const string Zoe = "zq7781";
    public const string ZoeId = "test:" + Zoe;
    public const string ZoeName = "Quartermaine";
    public const string ZoeMarker = "zebrafrost";
    public const string Yves = "yx5512";
    public const string YvesMarker = "kumquatpeak";

    /// <summary>Plays the story, erases Zoe and checks the whole store (scan, counts, the result, her kept ticket).</summary>
    public static async Task PlayEraseAndCheckAsync(TestDesk desk)
    {
        await PlayAsync(desk);
        foreach (var needle in new[] { Zoe, ZoeMarker, ZoeName })
            Assert.NotEmpty(await StoreTextScan.FindAsync(desk, needle)); // the story did leave them in the store
        var ticketsBefore = await CountAsync(desk, db => db.Tickets.CountAsync());
        var eventsBefore = await CountAsync(desk, db => db.TicketEvents.CountAsync());

        var result = await desk.Get<PersonErasure>().EraseAsync(ZoeId, CancellationToken.None);

        Assert.True(await StoreTextScan.TableCountAsync(desk) >= 15);
        foreach (var needle in new[] { Zoe, ZoeMarker, ZoeName })
            Assert.Empty(await StoreTextScan.FindAsync(desk, needle));
        Assert.Contains("tickets.Description (1 rows)", await StoreTextScan.FindAsync(desk, YvesMarker));
        Assert.NotEmpty(await StoreTextScan.FindAsync(desk, Yves));
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

    /// <summary>A second erasure of Zoe after the story finds nothing, changes nothing and reports zeros for the same tables.</summary>
    public static async Task EraseTwiceAndCheckAsync(TestDesk desk)
    {
        await PlayAsync(desk);
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

    /// <summary>Erasing Lena, an engineer named in the settings, after the story: her actions carry the pseudonym, the team channel stays.</summary>
    public static async Task EraseAnEngineerAndCheckAsync(TestDesk desk)
    {
        await PlayAsync(desk);

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

    /// <summary>
    /// Zoe turns the knowledge base's suggestions down and cancels: only her feedback keeps her words, and the erasure
    /// finds it by her (no ticket, deflection or intake under way names those words any more).
    /// </summary>
    public static async Task GiveUpAnIntakeEraseAndCheckAsync(TestDesk desk)
    {
        await desk.Get<ServiceDesk.Core.Knowledge.KnowledgeBase>().SaveAsync(ServiceDesk.Core.Tests.Knowledge.KnowledgeTestArticles.All(), CancellationToken.None);
        var suggested = await desk.SendAsync(Zoe, Zoe, $"My VPN does not connect, {ZoeMarker}");
        var notThat = suggested.Messages.SelectMany(m => m.Buttons).Single(b => b.Label == "Not that");
        await desk.SendAsync(Zoe, Zoe, notThat.Label, notThat.Value);
        await desk.SendAsync(Zoe, Zoe, "cancel");
        Assert.Contains(await StoreTextScan.FindAsync(desk, ZoeMarker), hit => hit.StartsWith("kb_feedback.", StringComparison.Ordinal));

        var result = await desk.Get<PersonErasure>().EraseAsync(ZoeId, CancellationToken.None);

        Assert.Empty(await StoreTextScan.FindAsync(desk, ZoeMarker));
        Assert.True(result.Erased.ToDictionary()["kb_feedback"] > 0);
    }

    /// <summary>Yves's ticket becomes a published article; Zoe turns it down as a suggestion, opens her own ticket, answers a question, gets it resolved and drafted.</summary>
    public static async Task PlayAsync(TestDesk desk)
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

    public static async Task<int> CountAsync(TestDesk desk, Func<ServiceDeskDbContext, Task<int>> count)
    {
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        return await count(db);
    }
}
