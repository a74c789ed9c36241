using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// Puts the time left into the ticket cards a unit of work writes (whoever wrote them: a command, the API, a timer).
/// Runs as a ticket hook after <see cref="SlaTracker"/>, so it reads the clocks as they will be saved.
/// </summary>
public sealed class SlaCardAnnotator(SlaQueries queries, TextCatalog texts, IOptions<ServiceDeskOptions> options) : ITicketHook
{
    public Task OnSavingAsync(TicketHookContext context, CancellationToken cancellationToken)
    {
        var ticket = context.Ticket;
        var clocks = context.Db.ChangeTracker.Entries<TicketSla>().Select(e => e.Entity)
            .FirstOrDefault(s => ReferenceEquals(s.Ticket, ticket) || (ticket.Id != 0 && s.TicketId == ticket.Id));
        if (clocks is null || !ticket.IsOpen)
            return Task.CompletedTask;
        var lang = options.Value.DefaultLanguage;
        var text = queries.Describe(queries.Standing(clocks.ToState(), context.Now), texts, lang);
        // cards with actions (not the "moved to another line" note left in the old line's channel)
        context.Outbox.Amend(m => m.Card is { } card && card.Key == ticket.Key && card.SlaText is null && m.Buttons.Count > 0
            ? m with { Text = m.Text.TrimEnd() + "\n" + text, Card = card with { SlaText = text } }
            : null);
        return Task.CompletedTask;
    }
}
