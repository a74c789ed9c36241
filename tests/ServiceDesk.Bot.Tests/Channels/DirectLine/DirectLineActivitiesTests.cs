using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineActivitiesTests
{
    [Fact]
    public async Task Post_when_message_sent_echoes_it_with_client_activity_id_and_server_id()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var id = await host.SendTextAsync(conversation, "vpn is down", clientActivityId: "client-42");

        var (activities, _) = await host.GetActivitiesAsync(conversation);
        var echo = activities[0]!.AsObject();
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("client-42", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("vpn is down", echo["text"]!.GetValue<string>());
        Assert.Equal("alice", echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_when_bot_replies_reply_names_user_activity_and_carries_buttons()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var id = await host.SendTextAsync(conversation, "printer jam");

        var (activities, _) = await host.GetActivitiesAsync(conversation);
        Assert.Equal(2, activities.Count);
        var reply = activities[1]!.AsObject();
        Assert.Equal("got: printer jam", reply["text"]!.GetValue<string>());
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        var buttons = reply["attachments"]![0]!["content"]!["buttons"]!.AsArray();
        Assert.Equal("Not that", buttons[1]!["title"]!.GetValue<string>());
        Assert.Equal("not that", buttons[1]!["value"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_when_watermark_given_returns_only_later_activities()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(conversation, "first");
        var (firstRead, watermark) = await host.GetActivitiesAsync(conversation);

        await host.SendTextAsync(conversation, "second");
        var (secondRead, nextWatermark) = await host.GetActivitiesAsync(conversation, watermark);
        var (thirdRead, sameWatermark) = await host.GetActivitiesAsync(conversation, nextWatermark);

        Assert.Equal(2, firstRead.Count);
        Assert.Equal("2", watermark);
        Assert.Equal(["second", "got: second"], secondRead.Select(a => a!["text"]!.GetValue<string>()));
        Assert.Equal("4", nextWatermark);
        Assert.Empty(thirdRead);
        Assert.Equal(nextWatermark, sameWatermark);
    }

    [Fact]
    public async Task Post_when_button_value_submitted_maps_it_to_action()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        await host.PostActivityAsync(conversation, """{"type":"message","from":{"id":"alice"},"value":{"action":"not that"},"channelData":{"clientActivityID":"a"}}""");
        await host.PostActivityAsync(conversation, """{"type":"message","from":{"id":"alice"},"text":"claim SD-3","channelData":{"postBack":true,"clientActivityID":"b"}}""");
        await host.PostActivityAsync(conversation, """{"type":"message","from":{"id":"alice"},"value":"high"}""");

        var received = host.Bot.Received.ToArray();
        Assert.Equal(["not that", "claim SD-3", "high"], received.Select(m => m.Action));
        Assert.All(received, m => Assert.Null(m.Text));
    }

    [Fact]
    public async Task Post_when_message_arrives_hands_channel_neutral_message_to_engine()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.PostActivityAsync(conversation,
            """{"type":"message","from":{"id":"alice","name":"Alice A."},"text":"wifi drops","locale":"pl-PL"}""");
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var message = Assert.Single(host.Bot.Received);
        Assert.Equal("web", message.Channel);
        Assert.Equal("alice", message.ConversationId);
        Assert.Equal("alice", message.SenderId);
        Assert.Equal("web:alice", message.SenderIdentity);
        Assert.Equal("Alice A.", message.SenderName);
        Assert.Equal(id, message.MessageId);
        Assert.Equal("pl-PL", message.Locale);
        Assert.Equal("wifi drops", message.Text);
        Assert.True(message.IsPrivate);
    }

    [Fact]
    public async Task Post_when_client_started_without_user_binds_conversation_to_first_sender()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync(userId: null);
        var (before, emptyWatermark) = await host.GetActivitiesAsync(conversation);

        await host.SendTextAsync(conversation, "hello", from: "r_webchat1");
        var (after, _) = await host.GetActivitiesAsync(conversation, emptyWatermark);

        Assert.Empty(before);
        Assert.Equal("", emptyWatermark);
        Assert.Equal(2, after.Count);
        Assert.Equal("r_webchat1", Assert.Single(host.Bot.Received).ConversationId);
    }

    [Fact]
    public async Task Post_when_other_user_writes_into_private_conversation_is_refused()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.PostActivityAsync(conversation, """{"type":"message","from":{"id":"mallory"},"text":"hi"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Bot.Received);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Room_conversation_when_message_sent_to_room_address_receives_it_in_every_open_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (lena, _) = await host.StartConversationAsync("lena", room: "l1-team");
        var (oleg, _) = await host.StartConversationAsync("oleg", room: "l1-team");
        var (alice, _) = await host.StartConversationAsync("alice");

        await host.Get<ServiceDesk.Bot.Channels.DirectLine.WebChannelSender>().SendAsync(new ServiceDesk.Core.Conversations.OutboundMessage
        {
            To = ServiceDesk.Core.Conversations.ConversationAddress.Parse("web:l1-team"),
            Text = "New ticket SD-1",
            Card = new ServiceDesk.Core.Conversations.TicketCard("SD-1", "VPN down", "New", "P2", "L1", null, "web:alice", "respond by 12:30"),
            Buttons = [new ServiceDesk.Core.Conversations.MessageButton("Claim", "claim SD-1")],
        }, CancellationToken.None);

        foreach (var conversation in new[] { lena, oleg })
        {
            var card = Assert.Single((await host.GetActivitiesAsync(conversation)).Activities)!["attachments"]![0]!;
            Assert.Equal("application/vnd.microsoft.card.hero", card["contentType"]!.GetValue<string>());
            Assert.Equal("SD-1 · VPN down", card["content"]!["title"]!.GetValue<string>());
            Assert.Equal("claim SD-1", card["content"]!["buttons"]![0]!["value"]!["action"]!.GetValue<string>());
        }

        Assert.Empty((await host.GetActivitiesAsync(alice)).Activities);
    }

    [Fact]
    public async Task Room_conversation_when_engineer_writes_marks_message_as_not_private()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (room, _) = await host.StartConversationAsync("lena", room: "l1-team");

        await host.SendTextAsync(room, "claim SD-1", from: "lena");

        var message = Assert.Single(host.Bot.Received);
        Assert.Equal("l1-team", message.ConversationId);
        Assert.Equal("lena", message.SenderId);
        Assert.False(message.IsPrivate);
    }

    [Fact]
    public async Task Post_when_bot_fails_answers_502_and_keeps_the_echo()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");
        host.Bot.Fail = _ => new InvalidOperationException("engine down");

        var response = await host.PostActivityAsync(conversation, """{"type":"message","from":{"id":"alice"},"text":"hi"}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Start_when_new_conversation_opens_on_existing_private_room_starts_after_its_history()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (first, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(first, "old message");

        var (second, _) = await host.StartConversationAsync("alice");
        var (fresh, _) = await host.GetActivitiesAsync(second);
        var (history, _) = await host.GetActivitiesAsync(second, "0");

        Assert.Empty(fresh);
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public void Frame_when_rented_as_utf8_holds_the_activities_as_stored_and_the_last_watermark()
    {
        StoredActivity[] items = [new(41, """{"text":"Привет"}"""), new(42, """{"text":"zażółć"}""")];

        var (buffer, length) = DirectLineActivities.RentFrame(items, 40);
        var frame = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);

        Assert.Equal("""{"activities":[{"text":"Привет"},{"text":"zażółć"}],"watermark":"42"}""", frame);
        Assert.Equal(frame, DirectLineActivities.Frame(items, 40));
        Assert.Equal("""{"activities":[],"watermark":"40"}""", DirectLineActivities.Frame([], 40));
    }
}
