using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// One turn: the inbound message, who sent it, their conversation state, the open store, and the messages the turn
/// sends. Everything written here is saved in one transaction at the end of the turn, outbox included.
/// </summary>
public sealed class TurnContext(
    ServiceDeskDbContext db,
    InboundMessage message,
    Person person,
    PersonProfile profile,
    ConversationState state,
    TextCatalog texts,
    PeopleDirectory people,
    ServiceDeskOptions options,
    DateTimeOffset now)
{
    private readonly OutboxWriter _outbox = new(db, now);

    public ServiceDeskDbContext Db { get; } = db;

    public InboundMessage Message { get; } = message;

    public Person Person { get; } = person;

    public PersonProfile Profile { get; } = profile;

    public ConversationState State { get; } = state;

    /// <summary>The person's newest ticket waiting for their answer when the turn started (read with the turn's start).</summary>
    public long? WaitingTicketId { get; init; }

    public TextCatalog Texts { get; } = texts;

    public PeopleDirectory People { get; } = people;

    public ServiceDeskOptions Options { get; } = options;

    public DateTimeOffset Now { get; } = now;

    public Actor Actor { get; } = person.AsActor(message.Channel);

    public LifecycleContext Lifecycle => new(Now, TimeSpan.FromDays(Options.ReopenWindowDays));

    public string Language => State.Language ?? Options.DefaultLanguage;

    public IReadOnlyList<OutboundMessage> Outbound => _outbox.Written;

    public OutboxWriter Outbox => _outbox;

    public TicketNotifier Notifier => field ??= new TicketNotifier(Db, _outbox, Texts, People, Options, Now);

    public bool IsStaff => Person.IsEngineer || Person.IsManager;

    public string T(string key, params (string Name, object? Value)[] args) => Texts.Get(Language, key, args);

    /// <summary>Answers in the conversation (and thread) the message came from.</summary>
    public void Reply(string key, params (string Name, object? Value)[] args) => ReplyText(T(key, args));

    public void Reply(string key, IReadOnlyDictionary<string, object?> args) => ReplyText(Texts.Get(Language, key, args));

    /// <summary>Answers with the localized reason of a refusal.</summary>
    public void Refuse(Refusal refusal) => Reply(refusal.TextKey, refusal.Args);

    public void Reply(string key, IReadOnlyList<MessageButton> buttons, params (string Name, object? Value)[] args) =>
        Send(new OutboundMessage { To = Message.ReplyAddress, Text = T(key, args), Buttons = buttons });

    public void ReplyText(string text, IReadOnlyList<MessageButton>? buttons = null) =>
        Send(new OutboundMessage { To = Message.ReplyAddress, Text = text, Buttons = buttons ?? [] });

    /// <summary>Queues a message: written to the outbox in this turn's transaction.</summary>
    public void Send(OutboundMessage message) => _outbox.Write(message);

    /// <summary>Finds a ticket by <c>SD-12</c>, <c>12</c> or <c>#12</c>, with its history.</summary>
    public async Task<Ticket?> FindTicketAsync(string reference, CancellationToken ct)
    {
        if (!TicketKey.TryParseNumber(reference, Options.TicketPrefix, out var number)) return null;
        return await Db.Tickets.Include(t => t.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(t => t.Number == number, ct);
    }

    /// <summary>A ticket this person may see (staff: any; employees: their own). Answers "not found" / "not yours" itself and returns null then.</summary>
    public async Task<Ticket?> FindVisibleTicketAsync(string reference, CancellationToken ct)
    {
        var ticket = await FindTicketAsync(reference, ct);
        if (ticket is null)
        {
            Reply("ticket.not_found", ("key", reference));
            return null;
        }
        if (!IsStaff && ticket.RequesterId != Person.Id)
        {
            Reply("ticket.not_yours", ("key", ticket.Key));
            return null;
        }
        return ticket;
    }
}
