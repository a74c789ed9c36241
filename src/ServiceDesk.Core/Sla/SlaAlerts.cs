using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// What the monitor says when timers fire: warnings to the assignee (or the line's team channel when nobody has it),
/// breach pings with the ticket card to every manager's private chat and the managers' channel, unclaimed tickets past
/// their response target to the line lead, and the L1 time box (offer to the assignee and tell the L1 lead, or
/// escalate when configured). Everything goes to the outbox of the monitor's transaction.
/// </summary>
internal sealed class SlaAlerts(
    ServiceDeskDbContext db,
    OutboxWriter outbox,
    TextCatalog texts,
    PeopleDirectory people,
    ServiceDeskOptions options,
    SlaClock clock,
    DateTimeOffset now)
{
    /// <summary>Acts for the monitor when it escalates by itself (AutoEscalate): manager rights, named in the history.</summary>
    public static readonly Actor MonitorActor = new("sla-monitor", "SLA monitor", "system", IsManager: true);

    private readonly TicketNotifier _notifier = new(db, outbox, texts, people, options, now);
    private readonly SlaRecipients _recipients = new(db, people, options);

    /// <summary>Loads the profiles of everyone the batch may address in one query.</summary>
    public Task PrefetchAsync(IEnumerable<Ticket> tickets, CancellationToken ct) => _recipients.PrefetchAsync(tickets, ct);

    /// <summary>True once this batch escalated a ticket (the ticket hooks must then run before the save).</summary>
    public bool Escalated { get; private set; }

    /// <summary>What this batch fired, for the metrics once it is committed: (warning | breach | l1_timebox, target, priority).</summary>
    public List<(string Alert, string Target, Priority Priority)> Fired { get; } = [];

    public async Task FireAsync(Ticket t, TicketSla clocks, IReadOnlyList<SlaTimer> timers, CancellationToken ct)
    {
        var state = clocks.ToState();
        foreach (var target in new[] { SlaTargetKind.FirstResponse, SlaTargetKind.Resolution })
        {
            var (warningKind, breachKind) = target == SlaTargetKind.FirstResponse
                ? (SlaTimerKind.ResponseWarning, SlaTimerKind.ResponseBreach)
                : (SlaTimerKind.ResolutionWarning, SlaTimerKind.ResolutionBreach);
            var track = state.Track(target);
            if (track.IsMet)
                continue;
            if (timers.Any(x => x.Kind == breachKind))
                await BreachAsync(t, track, ct);
            else if (timers.Where(x => x.Kind == warningKind).MaxBy(x => x.Fraction) is { } warning)
                await WarnAsync(t, track, warning.Fraction, ct); // several due at once: only the latest is told
        }
        if (timers.Any(x => x.Kind == SlaTimerKind.L1TimeBox) && t.Line == SupportLine.L1 && t.Status == TicketStatus.InProgress)
            await L1TimeBoxAsync(t, ct);
    }

    private async Task WarnAsync(Ticket t, SlaTrack track, double fraction, CancellationToken ct)
    {
        var (to, lang) = await AssigneeOrTeamAsync(t, ct);
        if (to is null)
            return;
        Fired.Add(("warning", TargetTag(track.Kind), t.Priority));
        var text = texts.Get(lang, "sla.warning",
            ("key", t.Key), ("title", t.Title), ("percent", (int)Math.Round(fraction * 100)), ("target", texts.Format(lang, track.Kind)),
            ("left", SlaText.Duration(clock.Remaining(track, now))), ("due", SlaText.Due(track.DueAt, clock.Policies.Calendar(track.Calendar))));
        var buttons = t.AssigneeId is null
            ? [new MessageButton(texts.Get(lang, "button.claim"), $"claim {t.Key}"), Show(t, lang)]
            : new List<MessageButton> { Show(t, lang) };
        outbox.Write(new OutboundMessage { To = to, Text = text, Buttons = buttons, TicketKey = t.Key });
    }

    private async Task BreachAsync(Ticket t, SlaTrack track, CancellationToken ct)
    {
        var calendar = clock.Policies.Calendar(track.Calendar);
        Fired.Add(("breach", TargetTag(track.Kind), t.Priority));
        foreach (var manager in people.Managers)
        {
            if (await _recipients.PrivateAddressAsync(manager.Id, ct) is { } dm)
                outbox.Write(BreachCard(t, track, dm, await _recipients.LanguageAsync(manager.Id, ct), calendar));
        }
        if (people.ManagersChannel is { } channel)
            outbox.Write(BreachCard(t, track, ConversationAddress.Parse(channel), options.DefaultLanguage, calendar));
        Record(t, SlaEventKinds.Breached, $"{track.Kind} ({t.Priority}, due {SlaText.Due(track.DueAt, calendar)})");

        if (track.Kind == SlaTargetKind.FirstResponse && t.AssigneeId is null && people.LeadOf(t.Line) is { } lead
            && await _recipients.PrivateAddressAsync(lead.Id, ct) is { } leadChat)
        {
            var lang = await _recipients.LanguageAsync(lead.Id, ct);
            outbox.Write(new OutboundMessage
            {
                To = leadChat,
                Text = texts.Get(lang, "sla.unclaimed", ("key", t.Key), ("title", t.Title), ("priority", t.Priority), ("line", t.Line)),
                Buttons = [new MessageButton(texts.Get(lang, "button.claim"), $"claim {t.Key}"), Show(t, lang)],
                TicketKey = t.Key,
            });
            Record(t, SlaEventKinds.EscalatedToLead, lead.Name);
        }
    }

    private OutboundMessage BreachCard(Ticket t, SlaTrack track, ConversationAddress to, string lang, Sla.Calendars.BusinessCalendar calendar)
    {
        var overdue = SlaText.Duration(-clock.Remaining(track, now));
        var slaText = texts.Get(lang, "sla.breached_card", ("target", texts.Format(lang, track.Kind)), ("overdue", overdue));
        var card = _notifier.Card(t, to, lang, null, slaText);
        var headline = texts.Get(lang, "sla.breach", ("key", t.Key), ("title", t.Title), ("priority", t.Priority),
            ("target", texts.Format(lang, track.Kind)), ("due", SlaText.Due(track.DueAt, calendar)));
        // a new message, not an edit of an earlier card: a breach must be seen
        return card with { Text = headline + "\n\n" + card.Text, ReplaceKey = null };
    }

    private async Task L1TimeBoxAsync(Ticket t, CancellationToken ct)
    {
        var minutes = (int)clock.Policies.L1TimeBox.TotalMinutes;
        var lead = people.LeadOf(SupportLine.L1);
        if (clock.Policies.AutoEscalate)
        {
            db.Attach(t);
            var decision = t.Escalate(MonitorActor, SupportLine.L2, texts.Get(options.DefaultLanguage, "sla.l1_reason", ("minutes", minutes)),
                new LifecycleContext(now, TimeSpan.FromDays(options.ReopenWindowDays)));
            if (!decision.Allowed || t.LastEvent is not { } escalated)
                return;
            Escalated = true;
            await _notifier.OnEventAsync(t, escalated, SupportLine.L1, ct);
            if (lead is not null)
                await _notifier.TellPersonAsync(lead.Id, t, "sla.l1_escalated", ct, ("key", t.Key), ("title", t.Title), ("minutes", minutes));
            return;
        }

        if (t.AssigneeId is { } assignee && await _recipients.PrivateAddressAsync(assignee, ct) is { } dm)
        {
            var lang = await _recipients.LanguageAsync(assignee, ct);
            outbox.Write(new OutboundMessage
            {
                To = dm,
                Text = texts.Get(lang, "sla.l1_offer", ("key", t.Key), ("title", t.Title), ("minutes", minutes)),
                Buttons =
                [
                    new MessageButton(texts.Get(lang, "button.escalate_l2"), $"escalate {t.Key} L2 {texts.Get(lang, "sla.l1_reason", ("minutes", minutes))}"),
                    new MessageButton(texts.Get(lang, "button.keep"), $"sla keep {t.Key}"),
                ],
                TicketKey = t.Key,
            });
        }
        if (lead is not null && lead.Id != t.AssigneeId)
            await _notifier.TellPersonAsync(lead.Id, t, "sla.l1_lead", ct, ("key", t.Key), ("title", t.Title), ("minutes", minutes), ("assignee", t.AssigneeName));
        Record(t, SlaEventKinds.L1TimeBox, $"{minutes} min");
        Fired.Add(("l1_timebox", "l1", t.Priority));
    }

    private static string TargetTag(SlaTargetKind kind) => kind == SlaTargetKind.FirstResponse ? "first_response" : "resolution";

    private async Task<(ConversationAddress? To, string Lang)> AssigneeOrTeamAsync(Ticket t, CancellationToken ct)
    {
        if (t.AssigneeId is { } assignee && await _recipients.PrivateAddressAsync(assignee, ct) is { } dm)
            return (dm, await _recipients.LanguageAsync(assignee, ct));
        return people.TeamChannelOf(t.Line) is { } team ? (ConversationAddress.Parse(team), options.DefaultLanguage) : (null, options.DefaultLanguage);
    }

    private MessageButton Show(Ticket t, string lang) => new(texts.Get(lang, "button.show"), $"show {t.Key}");

    private void Record(Ticket t, string kind, string text) =>
        db.Add(new TicketEvent
        {
            TicketId = t.Id, Kind = kind, ActorId = MonitorActor.Id, ActorName = MonitorActor.Name, Channel = MonitorActor.Channel,
            At = now, Text = text, Visibility = Visibility.Internal,
        });
}
