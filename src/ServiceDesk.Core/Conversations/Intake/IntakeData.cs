namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>What the intake has gathered so far; kept as JSON in the conversation state.</summary>
public sealed class IntakeData
{
    public string? Description { get; set; }

    public string? Type { get; set; }

    public string? Category { get; set; }

    public string? Impact { get; set; }

    public string? Urgency { get; set; }

    /// <summary>Answers to the category's questions, by question id.</summary>
    public Dictionary<string, string> Details { get; set; } = [];

    public int QuestionIndex { get; set; }

    /// <summary>The articles suggested, for "not that" feedback.</summary>
    public List<string> Suggested { get; set; } = [];

    public List<AttachmentReference> Attachments { get; set; } = [];
}
