namespace ServiceDesk.Core.Conversations.Texts;

/// <summary>Broken content in dialogs/: names the file, the line and the reason. Stops the service at startup.</summary>
public sealed class DialogContentException(IReadOnlyList<string> problems)
    : Exception("The dialog content in dialogs/ is invalid:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
