using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class ActivityFactoryTests
{
    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void BotMessage_when_message_is_a_ticket_card_writes_the_whole_activity_with_a_hero_card()
    {
        var factory = new ActivityFactory(Options.Create(new WebChatOptions()), Clock);
        var message = new OutboundMessage
        {
            To = new ConversationAddress("web", "l1-team"),
            Text = "Новая заявка SD-7",
            TicketKey = "SD-7",
            ReplaceKey = "card:SD-7",
            Card = new TicketCard("SD-7", "VPN \"drops\"", "New", "P2", "L1", null, "Anna", "respond by 11:30"),
            Buttons = [new MessageButton("Claim", "/claim SD-7"), new MessageButton("Escalate", "/escalate SD-7")],
        };

        var json = factory.BotMessage(message, "l1-team|000042", "l1-team", "l1-team|000041");

        var expected = JsonNode.Parse("""
            {"type":"message","id":"l1-team|000042","timestamp":"2026-11-22T09:30:00.000Z","channelId":"directline",
             "conversation":{"id":"l1-team"},"from":{"id":"servicedesk","name":"Service Desk","role":"bot"},
             "text":"Новая заявка SD-7","textFormat":"plain","replyToId":"l1-team|000041",
             "channelData":{"ticketKey":"SD-7","replaceKey":"card:SD-7"},
             "attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{
               "title":"SD-7 · VPN \"drops\"","subtitle":"New · P2 · L1","text":"Anna · respond by 11:30",
               "buttons":[
                 {"type":"messageBack","title":"Claim","text":"Claim","displayText":"Claim","value":{"action":"/claim SD-7"}},
                 {"type":"messageBack","title":"Escalate","text":"Escalate","displayText":"Escalate","value":{"action":"/escalate SD-7"}}]}}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json)), json);
    }

    [Fact]
    public void BotMessage_when_called_again_on_the_same_thread_starts_from_an_empty_buffer()
    {
        var factory = new ActivityFactory(Options.Create(new WebChatOptions()), Clock);
        var longer = factory.BotMessage(new OutboundMessage { To = new ConversationAddress("web", "a"), Text = new string('x', 10_000) }, "a|1", "a", null);

        var shorter = factory.BotMessage(new OutboundMessage { To = new ConversationAddress("web", "a"), Text = "hi" }, "a|2", "a", null);

        Assert.Equal(10_000, JsonNode.Parse(longer)!["text"]!.GetValue<string>().Length);
        Assert.Equal("hi", JsonNode.Parse(shorter)!["text"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(shorter)!["replyToId"]);
    }
}
