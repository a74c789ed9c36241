using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Builds the activities the stream carries: the echo of a user's activity and the bot's messages.</summary>
public sealed class ActivityFactory(IOptions<WebChatOptions> options, TimeProvider time)
{
    public const string ChannelId = "directline";
    public const string HeroCard = "application/vnd.microsoft.card.hero";

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

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
        // written straight to UTF-8 (a message per turn and more: a JSON tree cost more than the rest of the turn's
        // rendering), on a buffer reused by the thread
        var (buffer, w) = ThreadWriter();
        w.WriteStartObject();
        w.WriteString("type", "message");
        w.WriteString("id", id);
        w.WriteString("timestamp", Timestamp());
        w.WriteString("channelId", ChannelId);
        w.WriteStartObject("conversation");
        w.WriteString("id", room);
        w.WriteEndObject();
        w.WritePropertyName("from");
        WriteBot(w);
        w.WriteString("text", message.Text);
        w.WriteString("textFormat", "plain");
        if (replyToId is not null)
            w.WriteString("replyToId", replyToId);
        if (message.TicketKey is not null || message.ReplaceKey is not null)
        {
            // Web Chat cannot edit a posted activity; the built-in page replaces the one with the same replaceKey.
            w.WriteStartObject("channelData");
            if (message.TicketKey is not null)
                w.WriteString("ticketKey", message.TicketKey);
            if (message.ReplaceKey is not null)
                w.WriteString("replaceKey", message.ReplaceKey);
            w.WriteEndObject();
        }

        if (message.Card is { } card)
        {
            w.WriteStartArray("attachments");
            WriteTicketHeroCard(w, card, message.Buttons);
            w.WriteEndArray();
        }
        else if (message.Buttons.Count > 0 && Options.ButtonStyle == WebChatButtonStyle.SuggestedActions)
        {
            w.WriteStartObject("suggestedActions");
            WriteActions(w, message.Buttons);
            w.WriteEndObject();
        }
        else if (message.Buttons.Count > 0)
        {
            w.WriteStartArray("attachments");
            w.WriteStartObject();
            w.WriteString("contentType", HeroCard);
            w.WriteStartObject("content");
            WriteActions(w, message.Buttons, "buttons");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.Flush();
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > 64 * 1024)
        {
            // a rare long message: the thread does not keep its buffer
            t_buffer = null;
            t_writer = null;
        }
        return json;
    }

    private static void WriteTicketHeroCard(Utf8JsonWriter w, TicketCard card, IReadOnlyList<MessageButton> buttons)
    {
        var lines = new List<string> { card.Requester };
        if (card.Assignee is not null)
            lines.Add(card.Assignee);
        if (card.SlaText is not null)
            lines.Add(card.SlaText);
        w.WriteStartObject();
        w.WriteString("contentType", HeroCard);
        w.WriteStartObject("content");
        w.WriteString("title", $"{card.Key} · {card.Title}");
        w.WriteString("subtitle", $"{card.Status} · {card.Priority} · {card.Line}");
        w.WriteString("text", string.Join(" · ", lines));
        WriteActions(w, buttons, "buttons");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// messageBack actions: Web Chat sends the label as text (its bubble) and <c>value.action</c>, which the inbound
    /// mapper turns into <see cref="InboundMessage.Action"/>.
    /// </summary>
    private static void WriteActions(Utf8JsonWriter w, IReadOnlyList<MessageButton> buttons, string name = "actions")
    {
        w.WriteStartArray(name);
        foreach (var b in buttons)
        {
            w.WriteStartObject();
            w.WriteString("type", "messageBack");
            w.WriteString("title", b.Label);
            w.WriteString("text", b.Label);
            w.WriteString("displayText", b.Label);
            w.WriteStartObject("value");
            w.WriteString("action", b.Value);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void WriteBot(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", Options.BotId);
        w.WriteString("name", Options.BotName);
        w.WriteString("role", "bot");
        w.WriteEndObject();
    }

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) ThreadWriter()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        return (buffer, writer);
    }

    private JsonObject Bot() => new() { ["id"] = Options.BotId, ["name"] = Options.BotName, ["role"] = "bot" };

    private string Timestamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
