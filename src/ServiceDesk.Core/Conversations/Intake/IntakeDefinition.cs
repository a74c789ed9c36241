namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>The intake conversation as defined in dialogs/intake.yaml and dialogs/choices.yaml.</summary>
public sealed record IntakeDefinition(IReadOnlyList<IntakeStep> Steps, IReadOnlyDictionary<string, IReadOnlyList<Choice>> Choices)
{
    public int IndexOf(string stepId) => Steps.ToList().FindIndex(s => s.Id == stepId);

    public IReadOnlyList<Choice> ChoicesOf(string list) => Choices.TryGetValue(list, out var c) ? c : [];

    public Choice? Category(string? id) => id is null ? null : ChoicesOf("categories").FirstOrDefault(c => c.Id == id);
}

/// <summary>One step: its kind (text, suggest, choice, questions, confirm), prompt text key, choice list and where the answer is kept.</summary>
public sealed record IntakeStep(string Id, string Kind, string? Prompt, string? Retry, string? ChoiceList, string? Store, int MinLength);

/// <summary>An option of a choice list. Categories carry their support line and extra questions.</summary>
public sealed record Choice(string Id, string Label, string? Value, Tickets.SupportLine? Line, IReadOnlyList<CategoryQuestion> Questions);

public sealed record CategoryQuestion(string Id, string Prompt);
