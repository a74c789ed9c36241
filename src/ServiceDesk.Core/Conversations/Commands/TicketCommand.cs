using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>
/// A command on one ticket (<c>claim SD-12</c>, <c>resolve SD-12 text</c>): finds the ticket, asks for a missing text
/// argument, fires the intent, answers with the refusal or a confirmation, and notifies everyone concerned.
/// </summary>
public abstract class TicketCommand : ICommandHandler
{
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The trigger this command fires (checked before asking for a missing argument).</summary>
    protected abstract TicketTrigger Trigger { get; }

    /// <summary>The prompt for a required text argument, or null when the command needs none.</summary>
    protected virtual string? TextPrompt => null;

    /// <summary>The reply to the actor when it worked.</summary>
    protected abstract string DoneText { get; }

    public virtual bool Accepts(string args) => TicketKey.LooksLikeReference(ParsedCommand.SplitFirst(args).Head);

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        var (reference, rest) = ParsedCommand.SplitFirst(command.Args);
        if (reference.Length == 0)
        {
            ctx.Reply("command.missing_key", ("command", command.Name));
            return;
        }
        if (await ctx.FindVisibleTicketAsync(reference, ct) is not { } ticket) return;
        var pre = TicketLifecycle.Decide(ticket, ctx.Actor, Trigger, ctx.Lifecycle);
        if (!pre.Allowed)
        {
            ctx.Refuse(pre.Refusal!);
            return;
        }
        if (TextPrompt is { } prompt && NeedsMoreText(rest))
        {
            PendingCommand.Await(ctx.State, $"{command.Name} {ticket.Key} {rest}".TrimEnd());
            ctx.Reply(prompt, ("key", ticket.Key));
            return;
        }
        var lineBefore = ticket.Line;
        var decision = await ApplyAsync(ctx, ticket, rest, ct);
        if (decision is null) return;
        if (!decision.Allowed)
        {
            ctx.Refuse(decision.Refusal!);
            return;
        }
        await ctx.Notifier.OnEventAsync(ticket, ticket.LastEvent!, lineBefore, ct);
        ctx.Reply(DoneText, ("key", ticket.Key), ("line", ticket.Line), ("assignee", ticket.AssigneeName), ("priority", ticket.Priority));
    }

    /// <summary>True when the text argument is still missing (commands with a leading option check past it).</summary>
    protected virtual bool NeedsMoreText(string rest) => rest.Length == 0;

    /// <summary>Fires the intent. Null means the command already answered (a usage error).</summary>
    protected abstract Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct);
}
