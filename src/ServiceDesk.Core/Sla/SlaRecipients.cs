using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// Where and in which language the monitor reaches people (assignees, managers, line leads), with their profiles
/// read once per batch.
/// </summary>
internal sealed class SlaRecipients(ServiceDeskDbContext db, PeopleDirectory people, ServiceDeskOptions options)
{
    /// <summary>
    /// Loads the profiles of everyone the batch may address in one query (assignees, managers, line leads), so the
    /// per-ticket lookups below are answered from the context instead of a query each.
    /// </summary>
    public async Task PrefetchAsync(IEnumerable<Ticket> tickets, CancellationToken ct)
    {
        var ids = tickets.Select(t => t.AssigneeId).OfType<string>()
            .Concat(people.Managers.Select(m => m.Id))
            .Concat(Enum.GetValues<SupportLine>().Select(l => people.LeadOf(l)?.Id).OfType<string>())
            .Distinct().ToList();
        var found = await db.Profiles.Where(p => ids.Contains(p.PersonId)).ToListAsync(ct);
        foreach (var id in ids)
            _profiles[id] = found.FirstOrDefault(p => p.PersonId == id);
    }

    private readonly Dictionary<string, PersonProfile?> _profiles = new(StringComparer.OrdinalIgnoreCase);

    private async Task<PersonProfile?> ProfileAsync(string personId, CancellationToken ct)
    {
        if (!_profiles.TryGetValue(personId, out var profile))
            _profiles[personId] = profile = await db.Profiles.FindAsync([personId], ct);
        return profile;
    }

    /// <summary>As <see cref="TicketNotifier.PrivateAddressOfAsync"/>: the last private chat, else the first identity.</summary>
    public async Task<ConversationAddress?> PrivateAddressAsync(string personId, CancellationToken ct)
    {
        if (await ProfileAsync(personId, ct) is { PrivateChannel: { } ch, PrivateConversationId: { } conv })
            return new ConversationAddress(ch, conv);
        var identity = people.Find(personId)?.Identities.FirstOrDefault() ?? (personId.Contains(':') ? personId : null);
        return identity is null ? null : ConversationAddress.Parse(identity);
    }

    public async Task<string> LanguageAsync(string personId, CancellationToken ct) =>
        (await ProfileAsync(personId, ct))?.Language ?? people.Find(personId)?.Language ?? options.DefaultLanguage;
}
