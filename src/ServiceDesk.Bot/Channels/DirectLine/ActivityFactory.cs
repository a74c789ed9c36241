using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Builds the activities the stream carries: the echo of a user's activity and the bot's messages.</summary>
public sealed class ActivityFactory(IOptions<WebChatOptions> options, TimeProvider time)
{
    public const string ChannelId = "directline";
    public const string HeroCard = "application/vnd.microsoft.card.hero";

    private WebChatOptions Options => options.Value;

    /// <summary>
    /// The user's activity as stored and echoed: everything the client sent (channelData.clientActivityID included)
    /// with the server's id, timestamp, sender and conversation.
    /// </summary>
    public string UserEcho(JsonObject activity, string id, string conversationId, string senderId, string? senderName)
    {
        activity["id"] = id;
        activity["timestamp"] = Timestamp();
        activity["channelId"] = ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        var from = new JsonObject { ["id"] = senderId, ["role"] = "user" };
        if (senderName is not null)
            from["name"] = senderName;
        activity["from"] = from;
        activity["recipient"] = Bot();
        return activity.ToJsonString(DirectLineJson.Options);
    }

    /// <summary>A bot message in a room; buttons become a hero card or suggested actions as configured.</summary>
    public string BotMessage(OutboundMessage message, string id, string room, string? replyToId)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = Timestamp(),
            ["channelId"] = ChannelId,
            ["conversation"] = new JsonObject { ["id"] = room },
            ["from"] = Bot(),
            ["text"] = message.Text,
            ["textFormat"] = "plain",
        };
        if (replyToId is not null)
            activity["replyToId"] = replyToId;
        if (message.TicketKey is not null || message.ReplaceKey is not null)
        {
            // Web Chat cannot edit a posted activity; the built-in page replaces the one with the same replaceKey.
            var channelData = new JsonObject();
            if (message.TicketKey is not null)
                channelData["ticketKey"] = message.TicketKey;
            if (message.ReplaceKey is not null)
                channelData["replaceKey"] = message.ReplaceKey;
            activity["channelData"] = channelData;
        }

        if (message.Card is { } card)
            activity["attachments"] = new JsonArray(TicketHeroCard(card, message.Buttons));
        else if (message.Buttons.Count > 0 && Options.ButtonStyle == WebChatButtonStyle.SuggestedActions)
            activity["suggestedActions"] = new JsonObject { ["actions"] = Actions(message.Buttons) };
        else if (message.Buttons.Count > 0)
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = HeroCard,
                ["content"] = new JsonObject { ["buttons"] = Actions(message.Buttons) },
            });
        return activity.ToJsonString(DirectLineJson.Options);
    }

    private JsonObject TicketHeroCard(TicketCard card, IReadOnlyList<MessageButton> buttons)
    {
        var lines = new List<string> { card.Requester };
        if (card.Assignee is not null)
            lines.Add(card.Assignee);
        if (card.SlaText is not null)
            lines.Add(card.SlaText);
        return new JsonObject
        {
            ["contentType"] = HeroCard,
            ["content"] = new JsonObject
            {
                ["title"] = $"{card.Key} · {card.Title}",
                ["subtitle"] = $"{card.Status} · {card.Priority} · {card.Line}",
                ["text"] = string.Join(" · ", lines),
                ["buttons"] = Actions(buttons),
            },
        };
    }

    /// <summary>
    /// messageBack actions: Web Chat sends the label as text (its bubble) and <c>value.action</c>, which the inbound
    /// mapper turns into <see cref="InboundMessage.Action"/>.
    /// </summary>
    private static JsonArray Actions(IReadOnlyList<MessageButton> buttons)
    {
        var actions = new JsonArray();
        foreach (var b in buttons)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "messageBack",
                ["title"] = b.Label,
                ["text"] = b.Label,
                ["displayText"] = b.Label,
                ["value"] = new JsonObject { ["action"] = b.Value },
            });
        }

        return actions;
    }

    private JsonObject Bot() => new() { ["id"] = Options.BotId, ["name"] = Options.BotName, ["role"] = "bot" };

    private string Timestamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
