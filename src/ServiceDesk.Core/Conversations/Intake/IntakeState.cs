using System.Globalization;
using System.Text.Json;

namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>The intake's bookkeeping in the conversation state: gathered answers as JSON, and reading an answer to a choice.</summary>
internal static class IntakeState
{
    /// <summary>A choice from a button value (its id), its number in the list, or its label typed in the person's language.</summary>
    internal static Choice? Match(TurnContext ctx, IReadOnlyList<Choice> choices, string input)
    {
        var s = input.Trim().TrimEnd('.');
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count) return choices[n - 1];
        return choices.FirstOrDefault(c => c.Id.Equals(s, StringComparison.OrdinalIgnoreCase))
            ?? choices.FirstOrDefault(c => ctx.T(c.Label).Equals(s, StringComparison.CurrentCultureIgnoreCase));
    }

    internal static void Store(IntakeData data, string? field, string value)
    {
        switch (field)
        {
            case "description": data.Description = value; break;
            case "type": data.Type = value; break;
            case "category": data.Category = value; break;
            case "impact": data.Impact = value; break;
            case "urgency": data.Urgency = value; break;
        }
    }

    internal static void End(TurnContext ctx)
    {
        ctx.State.Dialog = null;
        ctx.State.Step = null;
        ctx.State.Data = "{}";
    }

    internal static IntakeData Load(ConversationState state)
    {
        try
        {
            return JsonSerializer.Deserialize<IntakeData>(state.Data, OutboundJson.Options) ?? new IntakeData();
        }
        catch (JsonException)
        {
            return new IntakeData();
        }
    }

    internal static void Save(ConversationState state, IntakeData data) => state.Data = JsonSerializer.Serialize(data, OutboundJson.Options);
}
