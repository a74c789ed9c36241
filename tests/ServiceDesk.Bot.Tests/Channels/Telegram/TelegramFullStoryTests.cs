using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>
/// The acceptance story over the real adapter, engine, store and outbox against the fake Bot API: intake in a
/// private chat → card in the L1 forum → Claim → reply in the topic → escalate to the L2 group → L2 claims and
/// resolves → the employee confirms. Every outbound call of every step is asserted.
/// </summary>
public sealed class TelegramFullStoryTests : IAsyncLifetime
{
    private const long Ada = 111111, Lena = 222222, Oleg = 333333;
    private const long L1 = -1001110000001, L2 = -2220002;
    private static readonly string[] Outbound = ["sendMessage", "editMessageText", "answerCallbackQuery", "createForumTopic"];
    private FakeTelegramServer _fake = null!;
    private ServiceDeskTelegramHost _host = null!;
    private TelegramStoryUpdates _people = null!;
    private long _seen;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _fake.AddChat(L1, "supergroup", forum: true);
        _fake.AddChat(L2, "group");
        _people = new TelegramStoryUpdates(_fake);
        _host = await ServiceDeskTelegramHost.StartAsync(_fake, new Dictionary<string, string?>
        {
            ["ServiceDesk:People:ada:Name"] = "Ada",
            ["ServiceDesk:People:ada:Identities:0"] = $"telegram:{Ada}",
            ["ServiceDesk:People:lena:Name"] = "Lena",
            ["ServiceDesk:People:lena:Identities:0"] = $"telegram:{Lena}",
            ["ServiceDesk:People:oleg:Name"] = "Oleg",
            ["ServiceDesk:People:oleg:Identities:0"] = $"telegram:{Oleg}",
            ["ServiceDesk:Lines:L1:Members:0"] = "lena",
            ["ServiceDesk:Lines:L1:TeamChannel"] = $"telegram:{L1}",
            ["ServiceDesk:Lines:L2:Members:0"] = "oleg",
            ["ServiceDesk:Lines:L2:TeamChannel"] = $"telegram:{L2}",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Story_from_intake_to_confirmation_runs_through_telegram_with_every_call_as_expected()
    {
        // 1. Ada describes her problem in a private chat and answers the intake's questions, mostly with buttons.
        var step = await StepAsync(1, () => _people.PrivateText(Ada, "Ada", "The VPN on my laptop does not connect since this morning"));
        Assert.Contains("Is something broken", SentTo(step, Ada).Text);
        foreach (var (answer, next) in new[] { ("incident", "What is it about?"), ("network", "Who is affected?"), ("medium", "How urgent"), ("high", "Where are you") })
        {
            step = await StepAsync(2, () => _people.Press(Ada, "Ada", LastIn(Ada), answer));
            Assert.Single(step, c => c.Method == "answerCallbackQuery");
            Assert.StartsWith(next, SentTo(step, Ada).Text);
        }

        step = await StepAsync(1, () => _people.PrivateText(Ada, "Ada", "Office 3, floor 2"));
        var summary = SentTo(step, Ada).Text!;
        Assert.StartsWith("Please check:", summary);
        Assert.Contains("Office 3, floor 2", summary);

        // Confirming opens the ticket: a topic with its card in the L1 forum, and Ada gets the key.
        step = await StepAsync(4, () => _people.Press(Ada, "Ada", LastIn(Ada), "create"));
        Assert.Single(step, c => c.Method == "answerCallbackQuery");
        var topic = Assert.Single(step, c => c.Method == "createForumTopic");
        Assert.Equal(L1, topic.ChatId);
        Assert.StartsWith("SD-1 · ", topic.Parameters["name"]!.ToString());
        var card = SentTo(step, L1);
        var topicId = long.Parse(card.Parameters["message_thread_id"]!.ToString());
        Assert.Contains("SD-1", card.Text);
        Assert.StartsWith("Ticket SD-1 is open", SentTo(step, Ada).Text);
        Assert.True(topic.Sequence < card.Sequence);
        var l1Card = _fake.MessagesIn(L1).Single();
        Assert.Contains("claim SD-1", l1Card.ButtonData);

        // 2. Lena presses Claim: the press is answered, the card is edited in place, Ada hears who took it, Lena gets a confirmation in the topic.
        step = await StepAsync(4, () => _people.Press(Lena, "Lena", l1Card, "claim SD-1"));
        Assert.Single(step, c => c.Method == "answerCallbackQuery");
        var edit = Assert.Single(step, c => c.Method == "editMessageText");
        Assert.Equal((L1, l1Card.MessageId), (edit.ChatId!.Value, long.Parse(edit.Parameters["message_id"]!.ToString())));
        Assert.Contains("Lena", edit.Text);
        Assert.DoesNotContain("claim SD-1", _fake.MessagesIn(L1)[0].ButtonData);
        Assert.Equal("Lena is working on your ticket SD-1.", SentTo(step, Ada).Text);
        Assert.Equal(topicId.ToString(), SentTo(step, L1).Parameters["message_thread_id"]!.ToString());
        Assert.Equal("You have taken SD-1.", SentTo(step, L1).Text);

        // 3. Lena writes in the ticket's topic: it is relayed to Ada.
        step = await StepAsync(2, () => _people.GroupText(L1, Lena, "Lena", "Please restart the VPN client & try again", topic: topicId));
        Assert.Equal("Lena on SD-1:\nPlease restart the VPN client &amp; try again", SentTo(step, Ada).Text);
        Assert.Equal("Your reply on SD-1 was sent to the requester.", SentTo(step, L1).Text);

        // 4. Lena escalates with a typed command addressed to the bot: the L1 card says it moved, a card appears in the L2 group.
        step = await StepAsync(4, () => _people.GroupText(L1, Lena, "Lena", "/escalate@helper_test_bot SD-1 L2 needs the network team", topic: topicId));
        Assert.Equal(L1, Assert.Single(step, c => c.Method == "editMessageText").ChatId);
        Assert.Contains("L2", _fake.MessagesIn(L1)[0].Visible);
        var l2CardCall = SentTo(step, L2);
        Assert.Contains("SD-1", l2CardCall.Text);
        Assert.Equal("Your ticket SD-1 was passed to the L2 specialists.", SentTo(step, Ada).Text);
        Assert.Equal("SD-1 went to L2.", SentTo(step, L1).Text);
        var l2Card = _fake.MessagesIn(L2).Single();

        // 5. Oleg (L2) claims from the card, then resolves it: Resolve asks for the solution, he answers as a reply to the card.
        step = await StepAsync(4, () => _people.Press(Oleg, "Oleg", l2Card, "claim SD-1"));
        Assert.Equal(L2, Assert.Single(step, c => c.Method == "editMessageText").ChatId);
        Assert.Equal("Oleg is working on your ticket SD-1.", SentTo(step, Ada).Text);
        Assert.Equal(l2Card.MessageId.ToString(), SentTo(step, L2).Parameters["reply_parameters"]!["message_id"]!.ToString());
        l2Card = _fake.MessagesIn(L2)[0];

        step = await StepAsync(2, () => _people.Press(Oleg, "Oleg", l2Card, "resolve SD-1"));
        Assert.Equal("Describe the solution for SD-1:", SentTo(step, L2).Text);

        step = await StepAsync(3, () => _people.GroupText(L2, Oleg, "Oleg", "Replaced the expired VPN certificate", replyTo: l2Card.MessageId));
        Assert.Equal(L2, Assert.Single(step, c => c.Method == "editMessageText").ChatId);
        Assert.Equal("SD-1 is resolved; the requester is asked to confirm.", SentTo(step, L2).Text);
        var resolved = SentTo(step, Ada);
        Assert.Equal("Your ticket SD-1 is resolved:\nReplaced the expired VPN certificate\nDid this fix it?", resolved.Text);

        // 6. Ada confirms with the button: closed, she is asked for a rating, the L2 card shows the final state.
        var question = _fake.MessagesIn(Ada).Single(m => m.ButtonData.Contains("confirm SD-1"));
        step = await StepAsync(4, () => _people.Press(Ada, "Ada", question, "confirm SD-1"));
        Assert.Single(step, c => c.Method == "answerCallbackQuery");
        Assert.Equal(L2, Assert.Single(step, c => c.Method == "editMessageText").ChatId);
        var toAda = step.Where(c => c.Method == "sendMessage").Select(c => c.Text).ToList();
        Assert.Equal(2, toAda.Count);
        Assert.Contains("SD-1 is closed. How would you rate the help?", toAda);
        Assert.Contains("Thank you! SD-1 is closed.", toAda);
        Assert.Contains("rate SD-1 5", _fake.MessagesIn(Ada).Single(m => m.Visible.StartsWith("SD-1 is closed")).ButtonData);

        Assert.All(_fake.Calls.Where(c => Outbound.Contains(c.Method)), c => Assert.True(c.Succeeded, c.ToString()));
    }

    /// <summary>Pushes one update and returns exactly the outbound calls it caused (waits for <paramref name="expected"/>, then checks no more come).</summary>
    private async Task<IReadOnlyList<RecordedCall>> StepAsync(int expected, Func<long> act)
    {
        var since = _seen;
        act();
        List<RecordedCall> Current() => _fake.Calls.Where(c => c.Sequence > since && Outbound.Contains(c.Method)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Current().Count < expected && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await Task.Delay(300); // anything extra would show up here
        var calls = Current();
        _seen = _fake.Calls.Max(c => c.Sequence);
        Assert.True(calls.Count == expected, $"expected {expected} outbound calls, got {calls.Count}:\n{string.Join('\n', calls)}");
        return calls;
    }

    private FakeMessage LastIn(long chat) => _fake.MessagesIn(chat)[^1];

    private static RecordedCall SentTo(IEnumerable<RecordedCall> calls, long chat) =>
        Assert.Single(calls, c => c.Method == "sendMessage" && c.ChatId == chat);
}
