using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// Forgets a person (GDPR art. 17) in one write transaction: what exists only because of them is deleted (profile,
/// conversation states, their private conversations' messages, threads and channel records, deflections, attachment
/// references), and their tickets are kept for reports and SLA history with the personal data replaced: requester
/// <c>erased:&lt;random&gt;</c>, name, title, description, details, resolution and every history text <c>[erased]</c>.
/// Anyone may be erased, configured staff too (the result says that the settings still name them). Idempotent: a
/// second run finds nothing and reports zeros. The audit trail holds no personal data: a log line with the pseudonym
/// and counts, and a <see cref="TicketEventKinds.PersonalDataErased"/> event on each kept ticket.
/// </summary>
public sealed class PersonErasure(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    PeopleDirectory people,
    IEnumerable<IPersonalDataHolder> holders,
    TimeProvider clock,
    ILogger<PersonErasure> logger)
{
    /// <summary>What replaces a name or a text.</summary>
    public const string Erased = "[erased]";

    public const string PseudonymPrefix = "erased:";

    public async Task<PersonErasureResult> EraseAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        var person = Lookup(personId.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (scope, tally) = await db.RunWriteTransactionAsync(async ct =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var scope = await ScopeAsync(db, person.Id, person.Identities, ct);
            var tally = new PersonErasureTally();
            await new StoreErasure(db, scope, clock.GetUtcNow()).RunAsync(tally, ct);
            foreach (var holder in holders)
                await holder.EraseAsync(db, scope, tally, ct);
            await tx.CommitAsync(ct);
            return (scope, tally);
        }, cancellationToken);
        var pseudonymised = tally.Counts.Any(c => c.Key is StoreErasure.TicketsKind or StoreErasure.ActorEventsKind && c.Value > 0);
        // no person id, name or text in the log: the pseudonym and the counts only
        var erased = tally.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}").ToList();
        if (erased.Count == 0)
            logger.LogInformation("Erasure asked for a person the store holds nothing of; nothing erased");
        else
            logger.LogInformation("Personal data erased ({Pseudonym}): {Counts}", pseudonymised ? scope.Pseudonym : "no tickets", string.Join(", ", erased));
        return new PersonErasureResult(person.Id, pseudonymised ? scope.Pseudonym : null, tally.Counts, person.NamedInConfiguration);
    }

    /// <summary>
    /// A configured person by id or identity (not by display name: "forget Lena" must not pick a namesake); anyone else
    /// is an employee whose person id is the given identity.
    /// </summary>
    private (string Id, IReadOnlyList<string> Identities, bool NamedInConfiguration) Lookup(string reference)
    {
        if (people.Find(reference) is { } p
            && (string.Equals(p.Id, reference, StringComparison.OrdinalIgnoreCase) || p.Identities.Contains(reference, StringComparer.OrdinalIgnoreCase)))
            return (p.Id, p.Identities, true);
        return (reference, reference.Contains(':') ? [reference] : [], false);
    }

    private async Task<PersonalDataScope> ScopeAsync(ServiceDeskDbContext db, string id, IReadOnlyList<string> identities, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.RequesterId == id)
            .Select(t => new { t.Id, t.Key, t.OriginChannel, t.OriginConversationId }).ToListAsync(ct);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == id, ct);
        var states = await db.Conversations.AsNoTracking().Where(c => c.PersonId == id).Select(c => new { c.Channel, c.ConversationId }).ToListAsync(ct);
        var senderIds = identities.Where(i => i.IndexOf(':') > 0).Select(ConversationAddress.Parse).ToList();

        var candidates = new List<ConversationAddress>();
        if (profile is { PrivateChannel: { } channel, PrivateConversationId: { } conversation }) candidates.Add(new(channel, conversation));
        candidates.AddRange(tickets.Where(t => t.OriginChannel != TicketNotifier.ApiChannel && t.OriginConversationId.Length > 0)
            .Select(t => new ConversationAddress(t.OriginChannel, t.OriginConversationId)));
        // a state in a conversation named like the person on that channel is their private chat (Telegram: chat id = user id)
        candidates.AddRange(states.Where(s => senderIds.Any(i => i.Channel == s.Channel && i.ConversationId == s.ConversationId))
            .Select(s => new ConversationAddress(s.Channel, s.ConversationId)));

        var conversations = new List<ConversationAddress>();
        foreach (var c in candidates.Distinct())
        {
            if (people.LineOfTeamChannel(c.Channel, c.ConversationId) is not null) continue;
            if (string.Equals(people.ManagersChannel, c.ToString(), StringComparison.OrdinalIgnoreCase)) continue;
            if (await db.Conversations.AnyAsync(s => s.Channel == c.Channel && s.ConversationId == c.ConversationId && s.PersonId != id, ct)) continue;
            conversations.Add(c);
        }
        // one pseudonym per erasure: the person's tickets share it, so per-requester counts still add up
        return new PersonalDataScope(id, identities, conversations, tickets.Select(t => t.Id).ToList(), tickets.Select(t => t.Key).ToList(), TicketRedaction.NewPseudonym());
    }
}
