namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>help</c>: the commands this person may use.</summary>
public sealed class HelpCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["help", "start", "помощь", "pomoc"];

    public bool Accepts(string args) => args.Length == 0;

    public Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        var text = ctx.T("help.employee");
        if (ctx.Person.IsEngineer || ctx.Person.IsManager) text += "\n\n" + ctx.T("help.engineer");
        if (ctx.Person.IsManager) text += "\n\n" + ctx.T("help.manager");
        ctx.ReplyText(text);
        return Task.CompletedTask;
    }
}
