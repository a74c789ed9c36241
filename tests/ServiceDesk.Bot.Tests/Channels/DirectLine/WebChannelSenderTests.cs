using System.Text.Json.Nodes;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class WebChannelSenderTests
{
    [Fact]
    public async Task Send_when_address_is_another_channel_fails_permanently()
    {
        await using var host = await DirectLineHost.StartAsync();

        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() => host.Get<WebChannelSender>().SendAsync(
            new OutboundMessage { To = new ConversationAddress("telegram", "1"), Text = "x" }, CancellationToken.None));

        Assert.True(error.Permanent);
    }

    [Fact]
    public async Task Send_when_style_is_suggested_actions_puts_buttons_there()
    {
        await using var host = await DirectLineHost.StartAsync(settings: new() { ["Channels:WebChat:ButtonStyle"] = "SuggestedActions" });
        var (conversation, _) = await host.StartConversationAsync("alice");

        var result = await host.Get<WebChannelSender>().SendAsync(new OutboundMessage
        {
            To = new ConversationAddress("web", "alice"),
            Text = "How urgent is it?",
            Buttons = [new MessageButton("It blocks my work", "high")],
        }, CancellationToken.None);

        var activity = Assert.Single((await host.GetActivitiesAsync(conversation)).Activities)!.AsObject();
        Assert.Equal(result.PlatformMessageId, activity["id"]!.GetValue<string>());
        var action = activity["suggestedActions"]!["actions"]![0]!;
        Assert.Equal("It blocks my work", action["title"]!.GetValue<string>());
        Assert.Equal("high", action["value"]!["action"]!.GetValue<string>());
        Assert.Null(activity["attachments"]);
    }

    [Fact]
    public async Task Send_when_no_buttons_sends_plain_text_without_reply_to()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("maria");

        await host.Get<WebChannelSender>().SendAsync(new OutboundMessage { To = new ConversationAddress("web", "maria"), Text = "SLA breach: SD-4", TicketKey = "SD-4" }, CancellationToken.None);

        var activity = Assert.Single((await host.GetActivitiesAsync(conversation)).Activities)!.AsObject();
        Assert.Equal("SLA breach: SD-4", activity["text"]!.GetValue<string>());
        Assert.Null(activity["replyToId"]);
        Assert.Null(activity["attachments"]);
        Assert.Equal("SD-4", activity["channelData"]!["ticketKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_when_message_replaces_an_earlier_card_marks_it_for_clients_that_can()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("lena", room: "l1-team");

        await host.Get<WebChannelSender>().SendAsync(new OutboundMessage
        {
            To = new ConversationAddress("web", "l1-team"),
            Text = "SD-1 in progress",
            TicketKey = "SD-1",
            ReplaceKey = "card:SD-1",
        }, CancellationToken.None);

        var activity = Assert.Single((await host.GetActivitiesAsync(conversation)).Activities)!.AsObject();
        Assert.Equal("card:SD-1", activity["channelData"]!["replaceKey"]!.GetValue<string>());
    }
}
