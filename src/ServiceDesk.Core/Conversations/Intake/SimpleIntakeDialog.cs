using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>
/// The smallest intake: the problem text becomes an L1 incident of medium impact and urgency.
/// </summary>
public sealed class SimpleIntakeDialog : IDialog
{
    public string Name => ConversationEngine.IntakeDialogName;

    public async Task StartAsync(TurnContext ctx, string? firstText, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(firstText) || firstText.Length < 3)
        {
            ctx.State.Dialog = Name;
            ctx.State.Step = "describe";
            ctx.Reply("intake.describe");
            return;
        }
        await ContinueAsync(ctx, firstText, ct);
    }

    public async Task ContinueAsync(TurnContext ctx, string input, CancellationToken ct)
    {
        ctx.State.Dialog = null;
        ctx.State.Step = null;
        var draft = new TicketDraft(TicketFactory.Shorten(input, 80), input, TicketType.Incident, null, Level.Medium, Level.Medium, SupportLine.L1,
            ctx.Message.Channel, ctx.Message.ConversationId, ctx.Language);
        var ticket = await TicketFactory.OpenAsync(ctx.Db, ctx.Options.TicketPrefix, draft, ctx.Actor, ctx.Now, ct);
        await ctx.Notifier.OnEventAsync(ticket, ticket.LastEvent!, ticket.Line, ct);
        ctx.Reply("intake.created", ("key", ticket.Key), ("priority", ticket.Priority), ("sla", ""));
    }
}
