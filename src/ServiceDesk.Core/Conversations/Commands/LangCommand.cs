using ServiceDesk.Core.Conversations.Texts;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>lang en|ru|pl</c>: the language of this person's conversations and notifications.</summary>
public sealed class LangCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["lang", "language", "язык", "język"];

    public bool Accepts(string args) => args.Trim().Length == 2;

    public Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        var lang = ParsedCommand.SplitFirst(command.Args).Head.ToLowerInvariant();
        if (!TextCatalog.SupportedLanguages.Contains(lang))
        {
            ctx.Reply("lang.usage", ("value", lang));
            return Task.CompletedTask;
        }
        ctx.State.Language = lang;
        ctx.Profile.Language = lang;
        ctx.Reply("lang.set");
        return Task.CompletedTask;
    }
}
