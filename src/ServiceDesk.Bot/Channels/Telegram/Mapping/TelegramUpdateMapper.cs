using System.Globalization;
using System.Text.Json;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>
/// Maps Bot API updates to channel-neutral <see cref="InboundMessage"/>s. Pure: no I/O, no clock.
/// Decisions: edited messages, channel posts, bot senders and service messages are ignored (the
/// original message was already handled; re-running a command on an edit would act twice); a
/// <c>/cmd@other_bot</c> is ignored; callback values come back as <see cref="InboundMessage.Action"/>.
/// </summary>
public static class TelegramUpdateMapper
{
    public const string ChannelName = "telegram";

    /// <summary>Text beyond this is cut off (Telegram caps text at 4096 and captions at 1024 anyway).</summary>
    public const int MaxTextLength = 16_384;

    public static MappedUpdate Map(Update update, string? botUsername)
    {
        var mapped = new MappedUpdate { UpdateId = update.UpdateId };
        if (update.Message is { } message)
            return MapMessage(mapped, update.UpdateId, message, botUsername);
        if (update.CallbackQuery is { } query)
            return MapCallback(mapped, update.UpdateId, query);
        if (update.EditedMessage is not null)
            return mapped with { IgnoredBecause = "edited message: the original was already handled" };
        if (update.ChannelPost is not null || update.EditedChannelPost is not null)
            return mapped with { IgnoredBecause = "channel post" };
        if (update.MyChatMember is { } member)
            return MapChatMember(mapped, member);
        return mapped with { IgnoredBecause = "update type not handled" };
    }

    private static MappedUpdate MapMessage(MappedUpdate mapped, long updateId, Message m, string? botUsername)
    {
        if (m.MigrateToChatId is { } to)
            return mapped with { Migration = new(m.Chat.Id, to), IgnoredBecause = "group migrated to a supergroup" };
        if (m.MigrateFromChatId is { } from)
            return mapped with { Migration = new(from, m.Chat.Id), IgnoredBecause = "supergroup migrated from a group" };
        if (m.From is null)
            return mapped with { IgnoredBecause = "message without a sender" };
        if (m.From.IsBot)
            return mapped with { IgnoredBecause = "message from a bot" };

        var text = m.Text ?? m.Caption;
        if (text is not null && text.StartsWith('/'))
        {
            var command = StripBotSuffix(text, botUsername);
            if (command is null)
                return mapped with { IgnoredBecause = "command addressed to another bot" };
            text = command;
        }

        var attachments = Attachments(m);
        if (string.IsNullOrWhiteSpace(text) && attachments.Count == 0)
            return mapped with { IgnoredBecause = "service or unsupported message" };

        return mapped with
        {
            Message = Base(updateId, m.Chat, m.From) with
            {
                Text = text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text,
                ThreadId = Id(m.MessageThreadId ?? m.ReplyToMessage?.MessageId),
                Attachments = attachments,
            },
        };
    }

    private static MappedUpdate MapCallback(MappedUpdate mapped, long updateId, CallbackQuery q)
    {
        mapped = mapped with { CallbackQueryId = q.Id };
        if (string.IsNullOrEmpty(q.Data))
            return mapped with { IgnoredBecause = "callback query without data" };
        if (q.Message is null)
            return mapped with { IgnoredBecause = "callback query from an inline message" };

        // A button on a card in a group belongs to the card's thread: its topic, or the card itself.
        var m = q.Message;
        long? thread = m.Chat.Type == "private" ? null : m.MessageThreadId ?? m.MessageId;
        return mapped with { Message = Base(updateId, m.Chat, q.From) with { Action = q.Data, ThreadId = Id(thread) } };
    }

    private static MappedUpdate MapChatMember(MappedUpdate mapped, JsonElement member)
    {
        try
        {
            var chat = member.GetProperty("chat");
            var status = member.GetProperty("new_chat_member").GetProperty("status").GetString();
            if (chat.GetProperty("type").GetString() != "private")
            {
                var joined = status is "member" or "administrator"
                    && member.TryGetProperty("old_chat_member", out var old) && old.GetProperty("status").GetString() is "left" or "kicked";
                return joined
                    ? mapped with { AddedToGroup = (chat.GetProperty("id").GetInt64(), chat.TryGetProperty("title", out var title) ? title.GetString() ?? "" : ""), IgnoredBecause = "added to a group" }
                    : mapped with { IgnoredBecause = "membership change in a group" };
            }
            var reachable = status is not ("kicked" or "left");
            return mapped with { Reachability = (chat.GetProperty("id").GetInt64(), reachable), IgnoredBecause = "membership change" };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return mapped with { IgnoredBecause = "malformed my_chat_member" };
        }
    }

    private static InboundMessage Base(long updateId, Chat chat, User from) => new()
    {
        Channel = ChannelName,
        ConversationId = chat.Id.ToString(CultureInfo.InvariantCulture),
        SenderId = from.Id.ToString(CultureInfo.InvariantCulture),
        MessageId = $"update:{updateId.ToString(CultureInfo.InvariantCulture)}",
        SenderName = string.Join(' ', new[] { from.FirstName, from.LastName }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } n ? n : from.Username,
        Locale = string.IsNullOrWhiteSpace(from.LanguageCode) ? null : from.LanguageCode,
        IsPrivate = chat.Type == "private",
    };

    /// <summary><c>/status@our_bot args</c> → <c>/status args</c>; null when the suffix names another bot.</summary>
    internal static string? StripBotSuffix(string text, string? botUsername)
    {
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? text : text[..end];
        var at = head.IndexOf('@');
        if (at < 0)
            return text;
        var target = head[(at + 1)..];
        if (botUsername is not null && !string.Equals(target, botUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase))
            return null;
        return head[..at] + (end < 0 ? "" : text[end..]);
    }

    private static IReadOnlyList<AttachmentReference> Attachments(Message m)
    {
        var list = new List<AttachmentReference>();
        if (m.Photo is { Count: > 0 } sizes)
        {
            var largest = sizes.OrderByDescending(p => (long)p.Width * p.Height).ThenByDescending(p => p.FileSize ?? 0).First();
            list.Add(new(ChannelName, largest.FileId, null, "image/jpeg", largest.FileSize));
        }

        if (m.Document is { } d)
            list.Add(new(ChannelName, d.FileId, d.FileName, d.MimeType, d.FileSize));
        return list;
    }

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
