using System.Text.Json;

namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>One incoming update. At most one of the optional fields is set.</summary>
public sealed record Update
{
    public long UpdateId { get; init; }

    public Message? Message { get; init; }

    public Message? EditedMessage { get; init; }

    public Message? ChannelPost { get; init; }

    public Message? EditedChannelPost { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }

    /// <summary>The bot was blocked, unblocked, added or removed. Kept raw: only its status is read.</summary>
    public JsonElement? MyChatMember { get; init; }
}
