using System.Globalization;
using ServiceDesk.Core.Conversations.Texts;

namespace ServiceDesk.Core.Tickets;

/// <summary>"First response by …, resolution by …" for the requester, from whatever <see cref="ISlaPreview"/> is registered.</summary>
public static class SlaTargetsText
{
    public static string Describe(ISlaPreview? sla, Ticket ticket, TextCatalog texts, string language) =>
        sla?.Targets(ticket) is { } t
            ? texts.Get(language, "intake.created_sla", ("response", Format(t.FirstResponse)), ("resolution", Format(t.Resolution)))
            : "";

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
