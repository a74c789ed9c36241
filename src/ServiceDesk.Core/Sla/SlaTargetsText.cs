using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// "First response by …, resolution by …" for the requester, in the time zone of the ticket's SLA calendar, from whatever
/// <see cref="ISlaPreview"/> is registered.
/// </summary>
public static class SlaTargetsText
{
    public static string Describe(ISlaPreview? sla, Ticket ticket, TextCatalog texts, string language) =>
        sla?.Targets(ticket) is { } t
            ? texts.Get(language, "intake.created_sla", ("response", SlaText.Due(t.FirstResponse, t.Zone)), ("resolution", SlaText.Due(t.Resolution, t.Zone)))
            : "";
}
