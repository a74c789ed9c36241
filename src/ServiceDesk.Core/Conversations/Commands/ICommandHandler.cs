namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>One command of the grammar (<c>claim</c>, <c>status</c>…). Runs inside a turn; writes through the turn context.</summary>
public interface ICommandHandler
{
    IReadOnlyList<string> Names { get; }

    Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken cancellationToken);
}
