using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

/// <summary>A message the bot sent (and perhaps edited since), as the fake keeps it.</summary>
public sealed record FakeMessage(long ChatId, long MessageId, string Html, string Visible, long? ThreadId, long? ReplyTo, JsonNode? Markup)
{
    /// <summary>The callback_data of every button, row by row.</summary>
    public IReadOnlyList<string> ButtonData =>
        Markup?["inline_keyboard"]?.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["callback_data"]?.GetValue<string>() ?? "").ToList() ?? [];

    public IReadOnlyList<string> ButtonLabels =>
        Markup?["inline_keyboard"]?.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["text"]!.GetValue<string>()).ToList() ?? [];
}
