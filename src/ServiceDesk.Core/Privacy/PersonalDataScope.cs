using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// Whose data an erasure removes and where it lies: the person id, their identities on channels (<c>telegram:12345</c>),
/// their private conversations (never a team or managers' channel, never one another person wrote in), and the tickets
/// they requested.
/// </summary>
public sealed record PersonalDataScope(
    string PersonId,
    IReadOnlyList<string> Identities,
    IReadOnlyList<ConversationAddress> PrivateConversations,
    IReadOnlyList<long> TicketIds,
    IReadOnlyList<string> TicketKeys,
    string Pseudonym)
{
    /// <summary>The ids the person has on <paramref name="channel"/> (<c>12345</c> for <c>telegram:12345</c>).</summary>
    public IEnumerable<string> SenderIdsOn(string channel) =>
        Identities.Where(i => i.StartsWith(channel + ":", StringComparison.OrdinalIgnoreCase)).Select(i => i[(channel.Length + 1)..]).Distinct();

    /// <summary>The person's private conversation ids on <paramref name="channel"/>.</summary>
    public IEnumerable<string> ConversationsOn(string channel) =>
        PrivateConversations.Where(c => string.Equals(c.Channel, channel, StringComparison.OrdinalIgnoreCase)).Select(c => c.ConversationId).Distinct();
}
