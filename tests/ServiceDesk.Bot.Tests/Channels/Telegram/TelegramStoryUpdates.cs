using System.Text.Json;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>Builds the updates people send in the story: private texts, group messages in a thread, button presses.</summary>
public sealed class TelegramStoryUpdates(FakeTelegramServer fake)
{
    private long _messageId = 500;

    public long PrivateText(long user, string name, string text, string language = "en", long? updateId = null) => Push(new
    {
        update_id = updateId,
        message = new
        {
            message_id = ++_messageId,
            date = 1735689600,
            from = new { id = user, is_bot = false, first_name = name, language_code = language },
            chat = new { id = user, type = "private", first_name = name },
            text,
        },
    });

    /// <summary>A message in a group: in a forum topic (<paramref name="topic"/>) or as a reply to a message.</summary>
    public long GroupText(long chat, long user, string name, string text, long? topic = null, long? replyTo = null) => Push(new
    {
        message = new
        {
            message_id = ++_messageId,
            date = 1735689600,
            from = new { id = user, is_bot = false, first_name = name, language_code = "en" },
            chat = new { id = chat, type = "supergroup", title = "team", is_forum = topic is not null ? true : (bool?)null },
            message_thread_id = topic,
            is_topic_message = topic is not null ? true : (bool?)null,
            reply_to_message = replyTo is { } r ? new { message_id = r, date = 1735689600, chat = new { id = chat, type = "supergroup" } } : null,
            text,
        },
    });

    /// <summary>Presses the button with this callback_data on a message the bot sent.</summary>
    public long Press(long user, string name, FakeMessage message, string data, bool mustBeOnTheMessage = true)
    {
        if (mustBeOnTheMessage)
            Assert.Contains(data, message.ButtonData);
        return Push(new
        {
            callback_query = new
            {
                id = $"cq-{++_messageId}",
                from = new { id = user, is_bot = false, first_name = name, language_code = "en" },
                message = new
                {
                    message_id = message.MessageId,
                    date = 1735689600,
                    chat = new { id = message.ChatId, type = message.ChatId > 0 ? "private" : "supergroup" },
                    message_thread_id = message.ThreadId,
                    text = message.Visible,
                },
                chat_instance = "1",
                data,
            },
        });
    }

    private long Push(object update) => fake.PushUpdate(JsonSerializer.Serialize(update, new JsonSerializerOptions
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    }));
}
