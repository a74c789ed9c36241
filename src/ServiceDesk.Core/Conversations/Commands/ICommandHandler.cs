namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>One command of the grammar (<c>claim</c>, <c>status</c>…). Runs inside a turn; writes through the turn context.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Whether text without a leading slash is this command: "my laptop is broken" is a problem description, not
    /// <c>my</c>. The arguments must fit the command's grammar.
    /// </summary>
    bool Accepts(string args);

    Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken cancellationToken);
}
