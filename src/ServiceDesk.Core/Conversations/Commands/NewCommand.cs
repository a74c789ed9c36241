namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>new</c>: starts the intake conversation (free text in a private chat does too).</summary>
public sealed class NewCommand(IEnumerable<IDialog> dialogs) : ICommandHandler
{
    private readonly IDialog _intake = dialogs.First(d => d.Name == ConversationEngine.IntakeDialogName);

    public IReadOnlyList<string> Names { get; } = ["new"];

    public bool Accepts(string args) => args.Length == 0;

    public Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct) =>
        _intake.StartAsync(ctx, command.Args.Length > 0 ? command.Args : null, ct);
}
