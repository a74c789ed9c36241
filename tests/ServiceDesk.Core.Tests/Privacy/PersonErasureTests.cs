using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary>
/// Forgetting a person on SQLite: the story of <see cref="PersonErasureStory"/> (one employee's whole story, a second
/// employee whose data must stay, the erasure and a scan of every column of every table), a repeat, and an engineer.
/// </summary>
public sealed class PersonErasureTests
{
    [Fact]
    public async Task Erasure_after_a_whole_ticket_story_leaves_no_trace_of_the_person_in_any_table_and_keeps_the_other_requester_and_the_counts()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.PlayEraseAndCheckAsync(desk);
    }

    [Fact]
    public async Task Erasure_when_run_again_changes_nothing_and_reports_zeros()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.PlayAsync(desk);
        var erasure = desk.Get<PersonErasure>();
        var first = await erasure.EraseAsync(PersonErasureStory.ZoeId, CancellationToken.None);
        var eventsAfterFirst = await PersonErasureStory.CountAsync(desk, db => db.TicketEvents.CountAsync());

        var second = await erasure.EraseAsync(PersonErasureStory.ZoeId, CancellationToken.None);

        Assert.True(first.Total > 0);
        Assert.True(second.NothingFound);
        Assert.Null(second.Pseudonym);
        Assert.All(second.Erased, e => Assert.Equal(0, e.Value));
        Assert.Equal(first.Erased.Select(e => e.Key), second.Erased.Select(e => e.Key));
        Assert.Equal(eventsAfterFirst, await PersonErasureStory.CountAsync(desk, db => db.TicketEvents.CountAsync()));
    }

    [Fact]
    public async Task Erasure_of_a_configured_engineer_pseudonymises_their_actions_and_says_the_settings_still_name_them()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.PlayAsync(desk);

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

    [Fact]
    public async Task Erasure_finds_the_knowledge_feedback_of_an_intake_the_person_gave_up()
    {
        await using var desk = await TestDesk.StartAsync();
        await PersonErasureStory.GiveUpAnIntakeEraseAndCheckAsync(desk);
    }
}
