using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Sending;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramChannelSenderTests : IAsyncLifetime
{
    private const long User = 123456789;
    private const long Group = -4001234567;
    private const long Forum = -1009876543210;
    private FakeTelegramServer _fake = null!;
    private readonly InMemoryTelegramStateStore _store = new();
    private TelegramChannelSender _sender = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _fake.AddChat(Group, "group");
        _fake.AddChat(Forum, "supergroup", forum: true);
        var options = Options.Create(new TelegramOptions
        {
            BotToken = FakeTelegramServer.Token,
            ApiBaseUrl = _fake.BaseUrl,
            RateLimits = new() { PerChatPerSecond = 1000, PerGroupPerMinute = 10000, GlobalPerSecond = 10000 },
        });
        var client = new TelegramBotClient(new HttpClient(), options);
        _sender = new TelegramChannelSender(client, _store, new TelegramRateLimiter(options, TimeProvider.System),
            new TelegramChatDirectory(client, NullLogger<TelegramChatDirectory>.Instance), NullLogger<TelegramChannelSender>.Instance);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static OutboundMessage To(long chat, string text, string? thread = null) =>
        new() { To = new ConversationAddress("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture), thread), Text = text };

    private static TicketCard Card(string status = "New") => new("SD-7", "Printer jams", status, "P3", "L1", null, "Ada", null);

    [Fact]
    public async Task Send_when_plain_text_posts_escaped_html_and_returns_the_message_id()
    {
        var result = await _sender.SendAsync(To(User, "a < b"), default);

        var call = Assert.Single(_fake.CallsOf("sendMessage"));
        Assert.Equal("a &lt; b", call.Text);
        Assert.Equal("HTML", call.Parameters["parse_mode"]!.ToString());
        Assert.Equal(User, call.ChatId);
        Assert.Equal(_fake.MessagesIn(User)[0].MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), result.PlatformMessageId);
    }

    [Fact]
    public async Task Send_when_text_is_long_posts_parts_in_order_with_buttons_on_the_last()
    {
        var message = To(User, new string('a', 4097)) with { Buttons = [new("OK", "ok")] };

        await _sender.SendAsync(message, default);

        var sent = _fake.MessagesIn(User);
        Assert.Equal([4096, 1], sent.Select(m => m.Visible.Length));
        Assert.Empty(sent[0].ButtonData);
        Assert.Equal(["ok"], sent[1].ButtonData);
    }

    [Fact]
    public async Task Send_when_a_split_message_fails_half_way_goes_on_after_the_parts_already_sent()
    {
        var text = string.Join("\n\n", new string('a', 4000), new string('b', 4000), new string('c', 100));
        _fake.Fail("sendMessage", 429, "Too Many Requests: retry after 1", new JsonObject { ["retry_after"] = 1 }, after: 1);

        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(User, text), default));
        var result = await _sender.SendAsync(To(User, text), default);
        await _sender.SendAsync(To(User, text), default); // the same text sent again later is a new message

        Assert.False(e.Permanent);
        var sent = _fake.MessagesIn(User).Select(m => m.Visible[0]).ToList();
        Assert.Equal(['a', 'b', 'c', 'a', 'b', 'c'], sent);
        Assert.Equal(_fake.MessagesIn(User)[0].MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), result.PlatformMessageId);
    }

    [Fact]
    public async Task Send_when_button_value_is_too_long_for_callback_data_sends_a_token_telegram_accepts()
    {
        var value = "reply SD-7 " + new string('ё', 40);

        await _sender.SendAsync(To(User, "pick") with { Buttons = [new("Go", value)] }, default);

        var data = Assert.Single(Assert.Single(_fake.MessagesIn(User)).ButtonData);
        Assert.Equal(value, await _store.FindCallbackValueAsync(data, default));
    }

    [Fact]
    public async Task Send_when_flood_controlled_throws_retryable_with_retry_after()
    {
        _fake.Fail("sendMessage", 429, "Too Many Requests: retry after 35", new JsonObject { ["retry_after"] = 35 });

        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(User, "hi"), default));

        Assert.False(e.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(35), e.RetryAfter);
        Assert.True(e.ConversationOnly); // this chat's limit: the outbox holds only its messages
    }

    [Fact]
    public async Task Send_when_user_blocked_the_bot_fails_permanently_and_stops_calling_telegram()
    {
        _fake.Block(User);

        var first = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(User, "hi"), default));
        var second = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(User, "again"), default));

        Assert.True(first.Permanent);
        Assert.True(second.Permanent);
        Assert.True(await _store.IsUnreachableAsync(User, default));
        Assert.Single(_fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task Send_when_group_was_upgraded_follows_the_supergroup_and_remembers_it()
    {
        const long supergroup = -1001234567890;
        _fake.Migrate(Group, supergroup);

        await _sender.SendAsync(To(Group, "first"), default);
        await _sender.SendAsync(To(Group, "second"), default);

        Assert.Equal(supergroup, await _store.GetMigratedChatIdAsync(Group, default));
        Assert.Equal(["first", "second"], _fake.MessagesIn(supergroup).Select(m => m.Visible));
        Assert.Single(_fake.CallsOf("sendMessage"), c => c.ChatId == Group);
    }

    [Fact]
    public async Task Send_when_card_goes_to_a_plain_group_the_card_message_is_the_thread()
    {
        var result = await _sender.SendAsync(To(Group, "new ticket") with { Card = Card(), TicketKey = "SD-7", ReplaceKey = "card:SD-7" }, default);

        Assert.Equal(result.PlatformMessageId, result.ThreadId);
        Assert.Empty(_fake.CallsOf("createForumTopic"));

        await _sender.SendAsync(To(Group, "reply from requester", thread: result.ThreadId), default);
        var reply = _fake.MessagesIn(Group)[1];
        Assert.Equal(long.Parse(result.ThreadId!), reply.ReplyTo);
    }

    [Fact]
    public async Task Send_when_card_goes_to_a_forum_creates_one_topic_per_ticket_and_posts_in_it()
    {
        var first = await _sender.SendAsync(To(Forum, "new") with { Card = Card(), TicketKey = "SD-7" }, default);
        var again = await _sender.SendAsync(To(Forum, "escalated back") with { Card = Card("InProgress"), TicketKey = "SD-7" }, default);

        var topic = Assert.Single(_fake.CallsOf("createForumTopic"));
        Assert.Equal("SD-7 · Printer jams", topic.Parameters["name"]!.ToString());
        Assert.NotNull(first.ThreadId);
        Assert.Equal(first.ThreadId, again.ThreadId);
        Assert.All(_fake.MessagesIn(Forum), m => Assert.Equal(long.Parse(first.ThreadId!), m.ThreadId));
    }

    [Fact]
    public async Task Send_when_the_bot_may_not_create_topics_fails_permanently_with_the_fix_and_keeps_the_forum_reachable()
    {
        _fake.Fail("createForumTopic", 403, "Forbidden: not enough rights to create a topic");

        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(Forum, "new") with { Card = Card(), TicketKey = "SD-7" }, default));

        Assert.True(e.Permanent);
        Assert.Contains("Manage topics", e.Message);
        Assert.False(await _store.IsUnreachableAsync(Forum, default));
        await _sender.SendAsync(To(Forum, "later"), default);
        Assert.Equal(["later"], _fake.MessagesIn(Forum).Select(m => m.Visible));
    }

    [Fact]
    public async Task Send_when_bot_was_kicked_from_a_group_marks_it_unreachable()
    {
        _fake.Fail("sendMessage", 403, "Forbidden: bot was kicked from the group chat", chatId: Group);

        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(Group, "x"), default));

        Assert.True(e.Permanent);
        Assert.True(await _store.IsUnreachableAsync(Group, default));
    }

    [Fact]
    public async Task Send_when_replace_key_is_known_edits_the_card_in_place()
    {
        var card = To(Group, "🎫 SD-7\nNew") with { Card = Card(), ReplaceKey = "card:SD-7", Buttons = [new("Claim", "claim SD-7")] };
        var first = await _sender.SendAsync(card, default);

        var second = await _sender.SendAsync(card with { Text = "🎫 SD-7\nInProgress", Card = Card("InProgress"), Buttons = [new("Resolve", "resolve SD-7")] }, default);

        Assert.Single(_fake.CallsOf("sendMessage"));
        Assert.Single(_fake.CallsOf("editMessageText"));
        var shown = Assert.Single(_fake.MessagesIn(Group));
        Assert.Contains("InProgress", shown.Visible);
        Assert.Equal(["resolve SD-7"], shown.ButtonData);
        Assert.Equal(first.PlatformMessageId, second.PlatformMessageId);
        Assert.Equal(first.ThreadId, second.ThreadId);
    }

    [Fact]
    public async Task Send_when_edit_changes_nothing_counts_as_delivered()
    {
        var card = To(Group, "card") with { Card = Card(), ReplaceKey = "card:SD-7" };
        await _sender.SendAsync(card, default);

        var again = await _sender.SendAsync(card, default);

        Assert.NotNull(again.PlatformMessageId);
        Assert.Equal(400, Assert.Single(_fake.CallsOf("editMessageText")).Status);
        Assert.Single(_fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task Send_when_the_earlier_message_is_gone_posts_a_new_one()
    {
        await _store.SetMessageIdAsync(Group, "card:SD-7", 999, default);

        var result = await _sender.SendAsync(To(Group, "card") with { Card = Card(), ReplaceKey = "card:SD-7" }, default);

        Assert.Single(_fake.CallsOf("sendMessage"));
        Assert.Equal(long.Parse(result.PlatformMessageId!), await _store.GetMessageIdAsync(Group, "card:SD-7", default));
    }

    [Fact]
    public async Task Send_when_address_is_not_a_chat_id_fails_permanently_without_calling_telegram()
    {
        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(
            new OutboundMessage { To = new ConversationAddress("telegram", "not-a-number"), Text = "x" }, default));

        Assert.True(e.Permanent);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task Send_when_server_errors_is_retryable()
    {
        _fake.Fail("sendMessage", 502, "Bad Gateway");

        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => _sender.SendAsync(To(User, "x"), default));

        Assert.False(e.Permanent);
    }
}
