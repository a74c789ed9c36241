using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tickets;

/// <summary>
/// Runs before a turn (or a timer) saves changed tickets, inside the same transaction: the SLA clock, for one,
/// recomputes its targets here. <see cref="TicketHookContext.NewEvents"/> are the history entries added in this unit.
/// </summary>
public interface ITicketHook
{
    Task OnSavingAsync(TicketHookContext context, CancellationToken cancellationToken);
}

public sealed record TicketHookContext(ServiceDeskDbContext Db, OutboxWriter Outbox, Ticket Ticket, IReadOnlyList<TicketEvent> NewEvents, DateTimeOffset Now);
