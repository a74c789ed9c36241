using System.Security.Cryptography;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// How a kept ticket loses its requester's personal data, the same for an erasure (<see cref="PersonErasure"/>) and for
/// closed tickets past their retention (<see cref="ClosedTicketAnonymiser"/>): requester id a pseudonym, name, title,
/// description, details and resolution <see cref="PersonErasure.Erased"/>, no conversation to tell of changes, and an
/// audit event that names nobody. Counts, times, status, priority and SLA stay for the reports.
/// </summary>
internal static class TicketRedaction
{
    /// <summary>
    /// Random, not a hash of the id: a hash of a Telegram user id is undone by hashing every id.
    /// </summary>
    public static string NewPseudonym() => PersonErasure.PseudonymPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static void Redact(ServiceDeskDbContext db, Ticket ticket, string pseudonym, DateTimeOffset now)
    {
        (ticket.RequesterId, ticket.RequesterName, ticket.Title, ticket.Description) = (pseudonym, PersonErasure.Erased, PersonErasure.Erased, PersonErasure.Erased);
        ticket.Details = ticket.Details is null ? null : PersonErasure.Erased;
        ticket.Resolution = ticket.Resolution is null ? null : PersonErasure.Erased;
        ticket.OriginConversationId = ""; // no conversation to tell of changes any more
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, At = now, Kind = TicketEventKinds.PersonalDataErased,
            ActorId = Actor.System.Id, ActorName = Actor.System.Name, Channel = Actor.System.Channel,
        });
    }
}
