using ServiceDesk.Bot.Channels.Telegram.Api;

namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>An outbound message ready for the Bot API: HTML parts of at most 4096 visible characters, buttons on the last.</summary>
public sealed record RenderedMessage(IReadOnlyList<string> Parts, InlineKeyboardMarkup? Keyboard);
