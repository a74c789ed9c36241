using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

/// <summary>One Bot API call the fake server received, with its parameters and what it answered.</summary>
public sealed record RecordedCall(long Sequence, string Method, JsonObject Parameters, int Status, long TimestampTicks)
{
    public long? ChatId => Parameters["chat_id"] is { } c ? long.Parse(c.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Text => Parameters["text"]?.GetValue<string>();

    public bool Succeeded => Status == 200;

    public override string ToString() => $"#{Sequence} {Method} {Status} {Parameters.ToJsonString()}";
}
