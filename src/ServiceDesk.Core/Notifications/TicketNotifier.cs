using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Tells everyone concerned about a ticket change: the requester in their language and conversation, the line's team
/// channel (a card edited in place, and messages in the ticket's thread), and people in their private chats.
/// </summary>
public sealed class TicketNotifier(
    ServiceDeskDbContext db,
    OutboxWriter outbox,
    TextCatalog texts,
    PeopleDirectory people,
    ServiceDeskOptions options,
    DateTimeOffset now)
{
    public DateTimeOffset Now => now;

    /// <summary>Reacts to the history entry an intent just added.</summary>
    public async Task OnEventAsync(Ticket t, TicketEvent e, SupportLine lineBefore, CancellationToken ct)
    {
        var self = e.ActorId == t.RequesterId;
        switch (e.Kind)
        {
            case TicketEventKinds.Created:
                PostCard(t, t.Line);
                break;
            case TicketEventKinds.Claimed:
            case TicketEventKinds.Assigned:
                PostCard(t, t.Line);
                TellRequester(t, "notify.claimed", null, ("key", t.Key), ("assignee", t.AssigneeName));
                if (e.Kind == TicketEventKinds.Assigned && t.AssigneeId is { } a && a != e.ActorId)
                    await TellPersonAsync(a, t, "notify.assigned_to_you", ct, ("key", t.Key), ("title", t.Title), ("by", e.ActorName));
                break;
            case TicketEventKinds.Escalated:
                PostCard(t, lineBefore);
                PostCard(t, t.Line);
                TellRequester(t, "notify.escalated", null, ("key", t.Key), ("line", t.Line));
                break;
            case TicketEventKinds.Asked:
                PostCard(t, t.Line);
                TellRequester(t, "notify.asked", null, ("key", t.Key), ("engineer", e.ActorName), ("text", e.Text));
                break;
            case TicketEventKinds.Reply:
                TellRequester(t, "notify.reply", null, ("key", t.Key), ("engineer", e.ActorName), ("text", e.Text));
                break;
            case TicketEventKinds.UserReplied:
            case TicketEventKinds.Comment:
                if (e.Kind == TicketEventKinds.UserReplied) PostCard(t, t.Line);
                await TellTeamAsync(t, "team.user_wrote", ct, ("key", t.Key), ("requester", t.RequesterName), ("text", e.Text));
                break;
            case TicketEventKinds.Resolved:
                PostCard(t, t.Line);
                TellRequester(t, "notify.resolved", [Button(t, "button.confirm", "confirm"), Button(t, "button.reopen", "reopen")],
                    ("key", t.Key), ("text", e.Text));
                break;
            case TicketEventKinds.Confirmed:
            case TicketEventKinds.AutoClosed:
                PostCard(t, t.Line);
                TellRequester(t, e.Kind == TicketEventKinds.Confirmed ? "notify.closed" : "notify.auto_closed",
                    Enumerable.Range(1, 5).Select(n => new MessageButton(new string('★', n), $"rate {t.Key} {n}")).ToList(),
                    ("key", t.Key));
                break;
            case TicketEventKinds.Reopened:
                PostCard(t, t.Line);
                if (self) await TellTeamAsync(t, "team.reopened", ct, ("key", t.Key), ("requester", t.RequesterName), ("text", e.Text));
                else TellRequester(t, "notify.reopened", null, ("key", t.Key), ("engineer", e.ActorName), ("text", e.Text));
                if (t.AssigneeId is { } assignee && assignee != e.ActorId)
                    await TellPersonAsync(assignee, t, "team.reopened", ct, ("key", t.Key), ("requester", t.RequesterName), ("text", e.Text));
                break;
            case TicketEventKinds.Cancelled:
                PostCard(t, t.Line);
                if (!self) TellRequester(t, "notify.cancelled", null, ("key", t.Key), ("engineer", e.ActorName));
                break;
            case TicketEventKinds.PriorityChanged:
                PostCard(t, t.Line);
                TellRequester(t, "notify.priority", null, ("key", t.Key), ("priority", t.Priority));
                break;
            case TicketEventKinds.Rated:
                await TellTeamAsync(t, "team.rated", ct, ("key", t.Key), ("score", t.CsatScore));
                break;
        }
    }

    /// <summary>Posts the ticket's card to a line's team channel, replacing the earlier card there.</summary>
    public void PostCard(Ticket t, SupportLine line)
    {
        if (people.TeamChannelOf(line) is not { } channel) return;
        var to = ConversationAddress.Parse(channel);
        outbox.Write(Card(t, to, options.DefaultLanguage, line));
    }

    public OutboundMessage Card(Ticket t, ConversationAddress to, string lang, SupportLine? cardLine = null, string? slaText = null)
    {
        var moved = cardLine is { } l && l != t.Line;
        var status = texts.Format(lang, t.Status);
        var text = texts.Get(lang, moved ? "card.moved" : "card.text",
            ("key", t.Key), ("title", t.Title), ("priority", t.Priority), ("line", t.Line), ("status", status),
            ("assignee", t.AssigneeName ?? texts.Get(lang, "card.unassigned")), ("requester", t.RequesterName),
            ("category", t.Category ?? "-"), ("sla", slaText ?? ""));
        return new OutboundMessage
        {
            To = to,
            Text = text.TrimEnd(),
            Buttons = moved ? [] : CardButtons(t, lang),
            Card = new TicketCard(t.Key, t.Title, status, t.Priority.ToString(), t.Line.ToString(), t.AssigneeName, t.RequesterName, slaText),
            ReplaceKey = $"card:{t.Key}:{to.Channel}:{to.ConversationId}",
            TicketKey = t.Key,
        };
    }

    /// <summary>The actions a card offers: what the lifecycle lets the ticket's assignee (or, unassigned, an engineer of its line) do.</summary>
    public IReadOnlyList<MessageButton> CardButtons(Ticket t, string lang)
    {
        var worker = t.AssigneeId is { } id ? new Actor(id, t.AssigneeName ?? id, "", false, t.Line) : new Actor("line-engineer", "", "", false, t.Line);
        var ctx = new LifecycleContext(now, TimeSpan.FromDays(options.ReopenWindowDays));
        var buttons = new List<MessageButton>();
        foreach (var (trigger, word) in CardActions)
            if (TicketLifecycle.Decide(t, worker, trigger, ctx).Allowed)
                buttons.Add(new MessageButton(texts.Get(lang, "button." + word), $"{word} {t.Key}"));
        buttons.Add(new MessageButton(texts.Get(lang, "button.show"), $"show {t.Key}"));
        return buttons;
    }

    private static readonly (TicketTrigger Trigger, string Word)[] CardActions =
        [(TicketTrigger.Claim, "claim"), (TicketTrigger.Escalate, "escalate"), (TicketTrigger.Resolve, "resolve")];

    /// <summary>The channel of tickets opened through the REST API: their requester is not in a chat.</summary>
    public const string ApiChannel = "api";

    public void TellRequester(Ticket t, string key, IReadOnlyList<MessageButton>? buttons, params (string Name, object? Value)[] args)
    {
        if (t.OriginChannel == ApiChannel || t.OriginConversationId.Length == 0) return; // an erased requester has no conversation
        outbox.Write(new OutboundMessage
        {
            To = new ConversationAddress(t.OriginChannel, t.OriginConversationId),
            Text = texts.Get(t.Language, key, args),
            Buttons = buttons ?? [],
            TicketKey = t.Key,
        });
    }

    /// <summary>Writes in the ticket's thread of its line's team channel (or the channel itself when no thread is known).</summary>
    public async Task TellTeamAsync(Ticket t, string key, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        if (people.TeamChannelOf(t.Line) is not { } channel) return;
        var to = ConversationAddress.Parse(channel);
        var thread = await db.TicketThreads.Where(x => x.TicketId == t.Id && x.Channel == to.Channel && x.ConversationId == to.ConversationId)
            .OrderByDescending(x => x.Id).Select(x => x.ThreadId).FirstOrDefaultAsync(ct);
        outbox.Write(new OutboundMessage { To = to with { ThreadId = thread }, Text = texts.Get(options.DefaultLanguage, key, args), TicketKey = t.Key });
    }

    public async Task TellPersonAsync(string personId, Ticket? t, string key, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        if (await PrivateAddressOfAsync(personId, ct) is not { } to) return;
        var lang = await LanguageOfAsync(personId, ct);
        outbox.Write(new OutboundMessage { To = to, Text = texts.Get(lang, key, args), TicketKey = t?.Key });
    }

    public async Task<string> LanguageOfAsync(string personId, CancellationToken ct)
    {
        var profile = await db.Profiles.FindAsync([personId], ct);
        return profile?.Language ?? people.Find(personId)?.Language ?? options.DefaultLanguage;
    }

    /// <summary>Where a person is reached privately: the last private chat they wrote from, else their first identity.</summary>
    public async Task<ConversationAddress?> PrivateAddressOfAsync(string personId, CancellationToken ct)
    {
        var profile = await db.Profiles.FindAsync([personId], ct);
        if (profile is { PrivateChannel: { } ch, PrivateConversationId: { } conv }) return new ConversationAddress(ch, conv);
        var identity = people.Find(personId)?.Identities.FirstOrDefault() ?? (personId.Contains(':') ? personId : null);
        return identity is null ? null : ConversationAddress.Parse(identity);
    }

    private MessageButton Button(Ticket t, string labelKey, string command) => new(texts.Get(t.Language, labelKey), $"{command} {t.Key}");
}
