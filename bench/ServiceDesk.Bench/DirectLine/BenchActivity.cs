using System.Text.Json;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// What the simulated employee reads of one activity on the stream: who sent it, its text, and its buttons (a
/// button's value kept as raw JSON, posted back as it came).
/// </summary>
public sealed record BenchActivity(bool FromBot, string Text, IReadOnlyList<BenchButton> Buttons)
{
    /// <summary>The activities of one stream frame (<c>{activities, watermark}</c>), read straight from its UTF-8 bytes.</summary>
    public static IReadOnlyList<BenchActivity> ReadFrame(ReadOnlyMemory<byte> frame)
    {
        using var document = JsonDocument.Parse(frame);
        var activities = new List<BenchActivity>();
        foreach (var activity in document.RootElement.GetProperty("activities").EnumerateArray())
        {
            var fromBot = activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role)
                && role.ValueEquals("bot"u8);
            var text = activity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            activities.Add(new BenchActivity(fromBot, text, fromBot ? ReadButtons(activity) : []));
        }

        return activities;
    }

    private static List<BenchButton> ReadButtons(JsonElement activity)
    {
        var buttons = new List<BenchButton>();
        if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var actions))
            Add(actions);
        if (activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            foreach (var attachment in attachments.EnumerateArray())
                if (attachment.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                    && content.TryGetProperty("buttons", out var cardButtons))
                    Add(cardButtons);
        return buttons;

        void Add(JsonElement list)
        {
            if (list.ValueKind != JsonValueKind.Array)
                return;
            foreach (var action in list.EnumerateArray())
                if (action.ValueKind == JsonValueKind.Object)
                    buttons.Add(new BenchButton(
                        action.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString()! : "",
                        action.TryGetProperty("value", out var value) ? value.GetRawText() : null));
        }
    }
}
