using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Commands;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Conversations;

public sealed class ConversationEngineTests
{
    [Fact]
    public async Task Profile_when_a_turn_changes_nothing_in_it_is_not_rewritten()
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.SendAsync("alice", "alice", "help");
        var written = await ProfileUpdatedAtAsync(desk);

        desk.Clock.Advance(TimeSpan.FromMinutes(5));
        await desk.SendAsync("alice", "alice", "help");
        Assert.Equal(written, await ProfileUpdatedAtAsync(desk));

        desk.Clock.Advance(TimeSpan.FromMinutes(5));
        await desk.SendAsync("alice", "alice", "lang pl");
        Assert.Equal(desk.Clock.GetUtcNow(), await ProfileUpdatedAtAsync(desk));
    }

    [Fact]
    public async Task Engine_when_a_sender_writes_faster_than_the_limit_tells_once_skips_and_keeps_the_channels_copy()
    {
        var settings = TestDesk.DefaultSettings();
        settings["ServiceDesk:MessagesPerMinute"] = "5";
        await using var desk = await TestDesk.StartAsync(settings);
        for (var i = 0; i < 5; i++)
            Assert.NotEmpty((await desk.SendAsync("alice", "alice", "help")).Messages);

        var copy = new RecordingParticipant();
        var told = await desk.Get<ConversationEngine>().HandleAsync(Message("over-1", "new"), CancellationToken.None, copy);
        var silent = await desk.Get<ConversationEngine>().HandleAsync(Message("over-2", "new"), CancellationToken.None);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await desk.SendAsync("alice", "alice", "help");

        Assert.Contains("faster than I can take them (at most 5 a minute)", Assert.Single(told.Messages).Text);
        Assert.Equal([true], copy.Saves); // the web channel's copy of the message is saved all the same
        Assert.Empty(silent.Messages);
        Assert.Contains("Commands:", Assert.Single(later.Messages).Text);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Null((await db.Conversations.SingleAsync()).Dialog); // "new" did not start an intake
        Assert.Equal(2, await db.ProcessedMessages.CountAsync(p => p.MessageId.StartsWith("over-"))); // a redelivery stays skipped

        static InboundMessage Message(string id, string text) =>
            new() { Channel = "test", ConversationId = "alice", SenderId = "alice", MessageId = id, Text = text };
    }

    [Fact]
    public async Task Engine_when_a_turn_fails_answers_with_an_apology_and_records_the_message_once()
    {
        await using var desk = await TestDesk.StartAsync(configure: s => s.AddSingleton<ICommandHandler, FailingCommand>());
        var copy = new RecordingParticipant();

        var result = await desk.Get<ConversationEngine>().HandleAsync(
            new InboundMessage { Channel = "test", ConversationId = "alice", SenderId = "alice", MessageId = "boom-1", Text = "boom", Locale = "pl-PL" },
            CancellationToken.None, copy);

        Assert.Equal("Przepraszam, coś poszło nie tak po mojej stronie. Spróbuj ponownie za chwilę.", Assert.Single(result.Messages).Text);
        Assert.Equal([true], copy.Saves);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ProcessedMessages.CountAsync(p => p.MessageId == "boom-1"));
    }

    private sealed class FailingCommand : ICommandHandler
    {
        public IReadOnlyList<string> Names => ["boom"];

        public bool Accepts(string args) => true;

        public Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug in a command");
    }

    private sealed class RecordingParticipant : ISaveParticipant
    {
        public List<bool> Saves { get; } = [];

        public Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

        public void AfterSave(bool committed) => Saves.Add(committed);
    }

    private static async Task<DateTimeOffset> ProfileUpdatedAtAsync(TestDesk desk)
    {
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        return (await db.Profiles.SingleAsync()).UpdatedAt;
    }

    [Fact]
    public async Task Employee_when_running_engineer_commands_on_any_ticket_is_refused_with_a_reason()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > The printer on floor 3 jams
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            alice > claim SD-1
            alice < You are not allowed to 'claim' on SD-1.
            alice > resolve SD-1 fixed it myself
            alice < You are not allowed to 'resolve' on SD-1.
            alice > escalate SD-1 urgent
            alice < You are not allowed to 'escalate' on SD-1.
            alice > note SD-1 secret
            alice < You are not allowed to 'note' on SD-1.
            alice > queue
            alice < The command 'queue' is for the service desk engineers.
            bob > claim SD-1
            bob < Ticket SD-1 is not one of yours
            bob > show SD-1
            bob < Ticket SD-1 is not one of yours
            bob > cancel SD-1
            bob < Ticket SD-1 is not one of yours
            """);
    }

    [Fact]
    public async Task Engineer_when_resolving_a_ticket_assigned_to_someone_else_is_told_who_has_it()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > Outlook keeps asking for my password
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            lena@l1-team > claim SD-1
            l1-team < in progress · L1 · Lena
            alice < Lena is working on your ticket SD-1.
            l1-team < You have taken SD-1.
            kate@l1-team > resolve SD-1 reset the profile
            l1-team < SD-1 is assigned to Lena; only they (or a manager) can do that.
            kate@l1-team > claim SD-1
            l1-team < SD-1 is already taken by Lena.
            """);
    }

    [Fact]
    public async Task Engineer_when_replying_in_the_cards_thread_reaches_the_requester_and_note_stays_internal()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > Teams has no sound in meetings
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            lena@l1-team#SD-1 > Please check the speaker selected in Teams settings
            alice < Lena on SD-1: / Please check the speaker selected in Teams settings
            l1-team < Your reply on SD-1 was sent to the requester.
            lena@l1-team#SD-1 > !note probably the Realtek driver again
            l1-team < Note added to SD-1.
            """);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var note = await db.TicketEvents.SingleAsync(e => e.Kind == TicketEventKinds.Note);
        Assert.Equal(Visibility.Internal, note.Visibility);
        Assert.Equal("probably the Realtek driver again", note.Text);
    }

    [Theory]
    [InlineData("en", "/frobnicate", "I don't know the command 'frobnicate'")]
    [InlineData("ru", "/frobnicate", "Я не знаю команды «frobnicate»")]
    [InlineData("pl", "/frobnicate", "Nie znam polecenia „frobnicate”")]
    [InlineData("en", "claim SD-999", "I can't find ticket SD-999")]
    [InlineData("ru", "claim SD-999", "Не нахожу заявку SD-999")]
    [InlineData("pl", "claim 999", "Nie znajduję zgłoszenia 999")]
    [InlineData("en", "/claim", "Which ticket? Write it like this: claim SD-12")]
    [InlineData("ru", "/show", "Какая заявка? Напишите так: show SD-12")]
    [InlineData("pl", "/lang xx", "Nie znam języka „xx”")]
    public async Task Engine_when_input_is_bad_answers_clearly_in_the_persons_language(string lang, string text, string expected)
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.SendAsync("lena", "lena", "/lang " + lang);
        var result = await desk.SendAsync("lena", "lena", text);
        Assert.Contains(expected, Assert.Single(result.Messages).Text);
    }

    [Fact]
    public async Task Engine_when_a_command_lacks_its_text_asks_for_it_and_completes_with_the_next_message()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > VPN drops every hour
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            lena@l1-team > claim SD-1
            l1-team < in progress
            alice < Lena is working
            l1-team < You have taken SD-1.
            lena@l1-team > resolve SD-1
            l1-team < Describe the solution for SD-1:
            lena@l1-team > Renewed the VPN certificate
            l1-team < resolved · L1 · Lena
            alice < Your ticket SD-1 is resolved: / Renewed the VPN certificate
            l1-team < SD-1 is resolved
            """);
    }

    [Fact]
    public async Task Engine_when_message_is_10000_characters_refuses_it_and_stores_nothing_new()
    {
        await using var desk = await TestDesk.StartAsync();
        var result = await desk.SendAsync("alice", "alice", new string('x', 10_000));
        Assert.Contains("too long (10000 characters; at most 4000)", Assert.Single(result.Messages).Text);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task Engine_when_text_has_control_characters_and_emoji_keeps_the_emoji_and_drops_the_controls()
    {
        await using var desk = await TestDesk.StartAsync();
        var result = await desk.OpenTicketAsync("alice", "My screen\u0000 is black\u0007 😱🖥️ since the update\u001b[31m");
        Assert.Contains(result.Messages, m => m.Text.Contains("Ticket SD-1 is open"));
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var t = await db.Tickets.SingleAsync();
        Assert.Equal("My screen is black 😱🖥️ since the update[31m", t.Description);
    }

    [Fact]
    public async Task Engine_when_a_message_is_redelivered_does_not_process_it_twice()
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.OpenTicketAsync("alice", "Keyboard is not working");
        var first = await desk.SendAsync("alice", "alice", "USB mouse is dead too", messageId: "tg-100");
        var again = await desk.SendAsync("alice", "alice", "USB mouse is dead too", messageId: "tg-100");
        Assert.False(first.Duplicate);
        Assert.NotEmpty(first.Messages);
        Assert.True(again.Duplicate);
        Assert.Empty(again.Messages);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Tickets.CountAsync());
        var state = await db.Conversations.SingleAsync(c => c.PersonId == "alice");
        Assert.Equal("type", state.Step);
    }

    [Fact]
    public async Task Engine_when_the_process_restarts_keeps_tickets_history_and_a_conversation_mid_step()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > Monitor flickers
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            lena@l1-team > claim SD-1
            l1-team < in progress
            alice < Lena is working
            l1-team < You have taken SD-1.
            lena@l1-team > ask SD-1
            l1-team < What should I ask the requester of SD-1?
            ! restart
            lena@l1-team > Which cable do you use, HDMI or DisplayPort?
            l1-team < waiting for you
            alice < Question about SD-1 from Lena: / Which cable do you use, HDMI or DisplayPort?
            l1-team < Question on SD-1 sent
            ! restart
            alice > HDMI
            l1-team < in progress
            l1-team < 💬 Alice on SD-1: / HDMI
            alice < I have passed your message on SD-1 to the engineers.
            """);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(4, await db.TicketEvents.CountAsync());
    }

    [Fact]
    public async Task Engine_when_an_idle_conversation_expired_says_so_and_starts_over()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            alice > new
            alice < Describe the problem in a few words
            ! advance 3h
            alice > help
            alice < Our previous conversation timed out
            alice < I am the IT service desk bot.
            """);
    }

    [Fact]
    public async Task Claim_when_two_engineers_press_it_at_the_same_moment_exactly_one_wins_and_the_other_is_told_who()
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.OpenTicketAsync("alice", "Laptop does not boot");
        var engine = desk.Get<ConversationEngine>();
        InboundMessage Claim(string who) => new()
        {
            Channel = "test", ConversationId = "l1-team", SenderId = who, MessageId = "claim-" + who, Action = "claim SD-1", IsPrivate = false,
        };
        var start = new TaskCompletionSource();
        var lena = Task.Run(async () => { await start.Task; return await engine.HandleAsync(Claim("lena"), CancellationToken.None); });
        var kate = Task.Run(async () => { await start.Task; return await engine.HandleAsync(Claim("kate"), CancellationToken.None); });
        start.SetResult();
        var results = await Task.WhenAll(lena, kate);

        var replies = results.Select(r => r.Messages.Last(m => m.To.ConversationId == "l1-team").Text).ToList();
        Assert.Single(replies, r => r == "You have taken SD-1.");
        var loser = Assert.Single(replies, r => r.StartsWith("SD-1 is already taken by", StringComparison.Ordinal));
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var t = await db.Tickets.Include(x => x.Events).SingleAsync();
        Assert.Single(t.Events, e => e.Kind == TicketEventKinds.Claimed);
        Assert.EndsWith(t.AssigneeName + ".", loser);
    }
}
