using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

// The Bot API methods the fake answers.
public sealed partial class FakeTelegramServer
{
    private async Task<(int Status, JsonObject Body)> DispatchAsync(string method, JsonObject p, CancellationToken ct)
    {
        if (TakeFailure(method, Long(p["chat_id"])) is { } f)
            return (f.Code, Error(f.Code, f.Description, f.Parameters?.DeepClone().AsObject()));
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Helper", ["username"] = BotUsername });
            case "deleteWebhook":
                WebhookUrl = null;
                WebhookSecret = null;
                return Ok(true);
            case "setWebhook":
                WebhookUrl = p["url"]?.ToString();
                WebhookSecret = p["secret_token"]?.ToString();
                return Ok(true);
            case "getUpdates":
                if (WebhookUrl is not null)
                    return (409, Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
                return await GetUpdatesAsync(p, ct);
            case "sendMessage":
                return Send(p);
            case "editMessageText":
                return Edit(p);
            case "answerCallbackQuery":
                return p["callback_query_id"] is null ? Bad("query id is empty") : Ok(true);
            case "setMyCommands":
                return p["commands"] is null ? Bad("commands are empty") : Ok(true);
            case "createForumTopic":
                return CreateTopic(p);
            case "getChat":
                var id = Long(p["chat_id"]) ?? 0;
                var (type, forum) = ChatInfo(id);
                return Ok(new JsonObject { ["id"] = id, ["type"] = type, ["is_forum"] = forum });
            default:
                return (404, Error(404, "Not Found: method not found"));
        }
    }

    /// <summary>
    /// Like Telegram, one getUpdates at a time: a new call cuts off the one in progress, which answers 409 Conflict (what
    /// two instances of one bot polling at once get).
    /// </summary>
    private async Task<(int, JsonObject)> GetUpdatesAsync(JsonObject p, CancellationToken ct)
    {
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(ct);
        CancellationTokenSource? previous;
        lock (_gate)
        {
            previous = _polling;
            _polling = mine;
        }

        try
        {
            previous?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // it had just finished
        }

        try
        {
            return Ok(await Updates.TakeAsync(Long(p["offset"]), (int)(Long(p["limit"]) ?? 100), (int)(Long(p["timeout"]) ?? 0), mine.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (409, Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        }
        finally
        {
            lock (_gate)
            {
                if (_polling == mine)
                    _polling = null;
            }
        }
    }

    private (int, JsonObject) Send(JsonObject p)
    {
        var chat = Long(p["chat_id"]) ?? 0;
        lock (_gate)
        {
            if (_blocked.Contains(chat))
                return (403, Error(403, "Forbidden: bot was blocked by the user"));
            if (_migrated.TryGetValue(chat, out var to))
                return (400, Error(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = to }));
        }

        if (CheckText(p) is { } bad)
            return bad;
        var markup = Markup(p);
        if (CheckButtons(markup) is { } badButtons)
            return badButtons;
        var html = p["text"]!.ToString();
        var thread = Long(p["message_thread_id"]);
        var replyTo = Long(p["reply_parameters"]?["message_id"]);
        FakeMessage message;
        lock (_gate)
        {
            var id = _lastMessageId[chat] = _lastMessageId.GetValueOrDefault(chat, 100) + 1;
            message = _messages[(chat, id)] = new FakeMessage(chat, id, html, FakeHtml.Parse(html) ?? html, thread, replyTo, markup);
        }

        return Ok(MessageJson(message));
    }

    private (int, JsonObject) Edit(JsonObject p)
    {
        var chat = Long(p["chat_id"]) ?? 0;
        var id = Long(p["message_id"]) ?? 0;
        if (CheckText(p) is { } bad)
            return bad;
        var markup = Markup(p);
        if (CheckButtons(markup) is { } badButtons)
            return badButtons;
        var html = p["text"]!.ToString();
        lock (_gate)
        {
            if (!_messages.TryGetValue((chat, id), out var old))
                return Bad("message to edit not found");
            if (old.Html == html && JsonNode.DeepEquals(old.Markup, markup))
                return Bad("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            var edited = _messages[(chat, id)] = old with { Html = html, Visible = FakeHtml.Parse(html)!, Markup = markup };
            return Ok(MessageJson(edited));
        }
    }

    private (int, JsonObject) CreateTopic(JsonObject p)
    {
        var chat = Long(p["chat_id"]) ?? 0;
        var name = p["name"]?.ToString() ?? "";
        if (!ChatInfo(chat).Forum)
            return Bad("the chat is not a forum");
        if (name.Length is 0 or > 128)
            return Bad("TOPIC_NAME_INVALID");
        return Ok(new JsonObject { ["message_thread_id"] = Interlocked.Increment(ref _nextTopic), ["name"] = name, ["icon_color"] = 7322096 });
    }

    private (int, JsonObject)? CheckText(JsonObject p)
    {
        var text = p["text"]?.ToString();
        if (string.IsNullOrWhiteSpace(text))
            return Bad("message text is empty");
        var visible = p["parse_mode"]?.ToString() == "HTML" ? FakeHtml.Parse(text) : text;
        if (visible is null)
            return Bad("can't parse entities: unsupported start tag or unmatched end tag");
        return visible.Length > 4096 ? Bad("message is too long") : null;
    }

    private static (int, JsonObject)? CheckButtons(JsonNode? markup)
    {
        var data = markup?["inline_keyboard"]?.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["callback_data"]?.ToString());
        return data?.Any(d => d is not null && (d.Length == 0 || Encoding.UTF8.GetByteCount(d) > 64)) == true ? Bad("BUTTON_DATA_INVALID") : null;
    }

    /// <summary>The reply_markup parameter; an empty keyboard means none, as in Telegram.</summary>
    private static JsonNode? Markup(JsonObject p)
    {
        var markup = p["reply_markup"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => JsonNode.Parse(s),
            { } n => n.DeepClone(),
            null => null,
        };
        return markup?["inline_keyboard"] is JsonArray { Count: 0 } ? null : markup;
    }

    private JsonObject MessageJson(FakeMessage m)
    {
        var (type, _) = ChatInfo(m.ChatId);
        var json = new JsonObject
        {
            ["message_id"] = m.MessageId,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Helper", ["username"] = BotUsername },
            ["chat"] = new JsonObject { ["id"] = m.ChatId, ["type"] = type },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = m.Visible,
        };
        if (m.ThreadId is { } t)
            json["message_thread_id"] = t;
        if (m.Markup is { } markup)
            json["reply_markup"] = markup.DeepClone();
        return json;
    }

    private (string Type, bool Forum) ChatInfo(long chatId)
    {
        lock (_gate)
            return _chats.TryGetValue(chatId, out var c) ? c : (chatId > 0 ? "private" : "group", false);
    }

    private FakeFailure? TakeFailure(string method, long? chatId)
    {
        lock (_gate)
        {
            var f = _failures.FirstOrDefault(x => x.Method == method && (x.ChatId is null || x.ChatId == chatId));
            if (f is null)
                return null;
            if (f.After > 0)
            {
                f.After--;
                return null;
            }

            if (--f.Times <= 0)
                _failures.Remove(f);
            return f;
        }
    }

    private static long? Long(JsonNode? node) =>
        node is null ? null : long.TryParse(node.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static (int, JsonObject) Ok(JsonNode result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int, JsonObject) Bad(string description) => (400, Error(400, "Bad Request: " + description));

    private static JsonObject Error(int code, string description, JsonObject? parameters = null)
    {
        var e = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
            e["parameters"] = parameters;
        return e;
    }
}
