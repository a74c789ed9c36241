using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

/// <summary>A scripted error: the next <see cref="Times"/> calls of a method (for a chat, if given) fail with it.</summary>
public sealed class FakeFailure(string method, long? chatId, int code, string description, JsonObject? parameters, int times, int after)
{
    public string Method { get; } = method;

    public long? ChatId { get; } = chatId;

    public int Code { get; } = code;

    public string Description { get; } = description;

    public JsonObject? Parameters { get; } = parameters;

    public int Times { get; set; } = times;

    /// <summary>Matching calls that still succeed before the failures start.</summary>
    public int After { get; set; } = after;
}
