namespace ServiceDesk.Core.Conversations;

/// <summary>A multi-turn conversation (the intake). Its position is kept in <see cref="ConversationState"/>.</summary>
public interface IDialog
{
    string Name { get; }

    /// <summary>Starts the dialog; <paramref name="firstText"/> is the message that started it, if it already says something.</summary>
    Task StartAsync(TurnContext ctx, string? firstText, CancellationToken ct);

    /// <summary>Runs the current step with the person's answer (typed text or a pressed button's value).</summary>
    Task ContinueAsync(TurnContext ctx, string input, CancellationToken ct);
}
