using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>kb draft SD-12</c> turns a resolved ticket into a draft article; <c>kb publish KB-id</c> publishes it.</summary>
public sealed class KbCommand(IKnowledgeBase? knowledge = null) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["kb"];

    public bool Accepts(string args) => ParsedCommand.SplitFirst(args).Head.ToLowerInvariant() is "draft" or "publish";

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        if (!ctx.IsStaff)
        {
            ctx.Reply("refused.engineers_only", ("command", "kb"));
            return;
        }
        if (knowledge is null)
        {
            ctx.Reply("kb.unavailable");
            return;
        }
        var (verb, rest) = ParsedCommand.SplitFirst(command.Args);
        var target = ParsedCommand.SplitFirst(rest).Head;
        switch (verb.ToLowerInvariant())
        {
            case "draft" when target.Length > 0:
                if (await ctx.FindVisibleTicketAsync(target, ct) is not { } t) return;
                if (t.Resolution is null)
                {
                    ctx.Reply("kb.not_resolved", ("key", t.Key));
                    return;
                }
                var id = await knowledge.CreateDraftAsync(new KnowledgeDraftRequest(t.Key, t.Title, t.Description, t.Resolution, t.Category, t.Language), ct);
                ctx.Reply("kb.drafted", [new MessageButton(ctx.T("button.publish"), $"kb publish {id}")], ("key", t.Key), ("id", id));
                return;
            case "publish" when target.Length > 0:
                var article = await knowledge.PublishAsync(target, ct);
                if (article is null) ctx.Reply("kb.not_found", ("id", target));
                else ctx.Reply("kb.published", ("id", article.Id), ("title", article.Title));
                return;
            default:
                ctx.Reply("kb.usage");
                return;
        }
    }
}
