using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Tickets;

public sealed partial class Ticket
{
    public LifecycleDecision Claim(Actor actor, LifecycleContext ctx) =>
        Fire(TicketTrigger.Claim, actor, ctx, TicketEventKinds.Claimed, null, () =>
        {
            AssigneeId = actor.Id;
            AssigneeName = actor.Name;
            FirstResponseAt ??= ctx.Now;
        });

    public LifecycleDecision Assign(Actor actor, Actor assignee, LifecycleContext ctx) =>
        Fire(TicketTrigger.Assign, actor, ctx, TicketEventKinds.Assigned, assignee.Name, () =>
        {
            AssigneeId = assignee.Id;
            AssigneeName = assignee.Name;
            if (assignee.EngineerLine is { } line && line > Line) Line = line;
        });

    public LifecycleDecision Escalate(Actor actor, SupportLine? target, string reason, LifecycleContext ctx)
    {
        var to = target ?? (SupportLine)Math.Min((int)Line + 1, (int)SupportLine.L3);
        if (to <= Line && Line < SupportLine.L3)
            return LifecycleDecision.Refuse(Refusal.Of("refused.escalate_down", ("key", Key), ("line", Line)));
        return Fire(TicketTrigger.Escalate, actor, ctx, TicketEventKinds.Escalated, $"{Line} → {to}: {reason}", () =>
        {
            Line = to;
            AssigneeId = null;
            AssigneeName = null;
            WasEscalated = true;
        });
    }

    public LifecycleDecision AskUser(Actor actor, string question, LifecycleContext ctx) =>
        Fire(TicketTrigger.AskUser, actor, ctx, TicketEventKinds.Asked, question, () => FirstResponseAt ??= ctx.Now);

    public LifecycleDecision Resolve(Actor actor, string solution, LifecycleContext ctx) =>
        Fire(TicketTrigger.Resolve, actor, ctx, TicketEventKinds.Resolved, solution, () =>
        {
            Resolution = solution;
            ResolvedAt = ctx.Now;
            ResolvedByLine = Line;
            FirstResponseAt ??= ctx.Now;
        });

    public LifecycleDecision Confirm(Actor actor, LifecycleContext ctx) =>
        Fire(TicketTrigger.Confirm, actor, ctx, TicketEventKinds.Confirmed, null, () => ClosedAt = ctx.Now);

    public LifecycleDecision AutoClose(LifecycleContext ctx) =>
        Fire(TicketTrigger.AutoClose, Actor.System, ctx, TicketEventKinds.AutoClosed, null, () => ClosedAt = ctx.Now);

    public LifecycleDecision Reopen(Actor actor, string reason, LifecycleContext ctx) =>
        Fire(TicketTrigger.Reopen, actor, ctx, TicketEventKinds.Reopened, reason, () =>
        {
            ReopenCount++;
            ResolvedAt = null;
            ClosedAt = null;
            ResolvedByLine = null;
        });

    public LifecycleDecision Cancel(Actor actor, string? reason, LifecycleContext ctx) =>
        Fire(TicketTrigger.Cancel, actor, ctx, TicketEventKinds.Cancelled, reason, () => ClosedAt = ctx.Now);

    /// <summary>A public reply from an engineer, relayed to the requester.</summary>
    public LifecycleDecision Reply(Actor actor, string text, LifecycleContext ctx) =>
        Fire(TicketTrigger.Reply, actor, ctx, TicketEventKinds.Reply, text, () => FirstResponseAt ??= ctx.Now);

    /// <summary>An internal note; never shown to the requester.</summary>
    public LifecycleDecision Note(Actor actor, string text, LifecycleContext ctx) =>
        Fire(TicketTrigger.Note, actor, ctx, TicketEventKinds.Note, text, () => { }, Visibility.Internal);

    /// <summary>The requester writes about the ticket; while waiting for them this is their answer and resumes work.</summary>
    public LifecycleDecision Comment(Actor actor, string text, LifecycleContext ctx) =>
        Status == TicketStatus.WaitingForUser
            ? Fire(TicketTrigger.UserReplied, actor, ctx, TicketEventKinds.UserReplied, text, () => { })
            : Fire(TicketTrigger.Comment, actor, ctx, TicketEventKinds.Comment, text, () => { });

    public LifecycleDecision ChangePriority(Actor actor, Priority priority, string reason, LifecycleContext ctx) =>
        Fire(TicketTrigger.ChangePriority, actor, ctx, TicketEventKinds.PriorityChanged, $"{Priority} → {priority}: {reason}", () => Priority = priority);

    public LifecycleDecision Rate(Actor actor, int score, LifecycleContext ctx) =>
        Fire(TicketTrigger.Rate, actor, ctx, TicketEventKinds.Rated, score.ToString(System.Globalization.CultureInfo.InvariantCulture), () => CsatScore = score);

    /// <summary>Records the ticket's creation as the first history entry.</summary>
    public void RecordCreated(Actor actor, DateTimeOffset at)
    {
        CreatedAt = at;
        UpdatedAt = at;
        Events.Add(new TicketEvent { Kind = TicketEventKinds.Created, ActorId = actor.Id, ActorName = actor.Name, Channel = actor.Channel, At = at, ToStatus = Status, Text = Title });
    }

    public void AddAttachment(Actor actor, TicketAttachment attachment, DateTimeOffset at)
    {
        Attachments.Add(attachment);
        Events.Add(new TicketEvent { Kind = TicketEventKinds.Attachment, ActorId = actor.Id, ActorName = actor.Name, Channel = actor.Channel, At = at, Text = attachment.FileName ?? attachment.FileId });
    }

    /// <summary>The last history entry, the one the latest intent added.</summary>
    public TicketEvent? LastEvent => Events.Count == 0 ? null : Events[^1];

    private LifecycleDecision Fire(TicketTrigger trigger, Actor actor, LifecycleContext ctx, string kind, string? text, Action apply, Visibility visibility = Visibility.Public)
    {
        var decision = TicketLifecycle.Decide(this, actor, trigger, ctx);
        if (!decision.Allowed) return decision;
        var from = Status;
        apply();
        Status = decision.Rule!.Target(from);
        UpdatedAt = ctx.Now;
        Events.Add(new TicketEvent
        {
            Kind = kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Channel = actor.Channel,
            At = ctx.Now,
            FromStatus = from,
            ToStatus = Status,
            Text = text,
            Visibility = visibility,
        });
        return decision;
    }
}
