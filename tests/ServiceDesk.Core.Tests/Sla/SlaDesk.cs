using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>
/// A desk for SLA transcripts: a migrated store, a hand-moved clock, people (L1 engineer lena, L1 lead olga,
/// L2 engineer ivan, manager max), the business calendar in Europe/Warsaw, the tracker and the monitor.
/// </summary>
public sealed class SlaDesk : IDisposable
{
    public const string Lena = "web:lena", Olga = "web:olga", Ivan = "web:ivan", Max = "web:max", Employee = "web:emp";

    public SlaDesk(DateTimeOffset start, bool autoEscalate = false, SqliteTestStore? store = null)
    {
        Clock = new FakeClock(start);
        Store = store ?? new SqliteTestStore();
        Options = new ServiceDeskOptions
        {
            Lines =
            {
                ["L1"] = new LineOptions { Members = [Lena], Lead = Olga, TeamChannel = "web:team-l1" },
                ["L2"] = new LineOptions { Members = [Ivan], TeamChannel = "web:team-l2" },
            },
            Managers = [Max],
            ManagersChannel = "web:managers",
        };
        People = new PeopleDirectory(Microsoft.Extensions.Options.Options.Create(Options));
        Texts = TextCatalogLoader.Load(DialogsDirectory());
        Catalog = new SlaPolicyCatalog(new SlaOptions
        {
            Calendars = { ["business"] = new SlaCalendarOptions { TimeZone = "Europe/Warsaw" } },
            AutoEscalate = autoEscalate,
        });
        Tracker = new SlaTracker(new SlaClock(Catalog));
        Monitor = new SlaMonitor(Store, Tracker, new TicketHooks([Tracker]), new OutboxSignal(), Texts, People, Microsoft.Extensions.Options.Options.Create(Options), Clock);
    }

    public FakeClock Clock { get; }

    public SqliteTestStore Store { get; }

    public ServiceDeskOptions Options { get; }

    public PeopleDirectory People { get; }

    public TextCatalog Texts { get; }

    public SlaPolicyCatalog Catalog { get; }

    public SlaTracker Tracker { get; }

    public SlaMonitor Monitor { get; }

    public Actor Engineer(string identity) => People.Resolve(identity, null).AsActor("web");

    public Actor Requester => People.Resolve(Employee, "Emma").AsActor("web");

    /// <summary>Opens a ticket now, as the intake would.</summary>
    public async Task<string> OpenAsync(Priority priority, string title = "VPN does not connect")
    {
        await using var db = Store.CreateDbContext();
        var number = (await db.Tickets.CountAsync()) + 1;
        var t = new Ticket
        {
            Number = number, Key = $"SD-{number}", Title = title, Priority = priority, Line = SupportLine.L1,
            RequesterId = Employee, RequesterName = "Emma", OriginChannel = "web", OriginConversationId = "emp",
        };
        t.RecordCreated(Requester, Clock.GetUtcNow());
        db.Tickets.Add(t);
        await SaveAsync(db);
        return t.Key;
    }

    /// <summary>Applies an intent to a ticket now and saves, as a turn of the engine would.</summary>
    public async Task ActAsync(string key, Func<Ticket, LifecycleContext, LifecycleDecision> intent)
    {
        await using var db = Store.CreateDbContext();
        var t = await db.Tickets.SingleAsync(x => x.Key == key);
        var decision = intent(t, new LifecycleContext(Clock.GetUtcNow(), TimeSpan.FromDays(14)));
        Assert.True(decision.Allowed, $"intent refused: {decision.Refusal?.TextKey}");
        await SaveAsync(db);
    }

    public async Task<int> TickAsync() => (await Monitor.RunDueAsync(CancellationToken.None)).Fired;

    public async Task<TicketSla> ClocksAsync(string key)
    {
        await using var db = Store.CreateDbContext();
        return await db.Set<TicketSla>().AsNoTracking().SingleAsync(s => s.Ticket!.Key == key);
    }

    public async Task<List<SlaTimer>> TimersAsync(string key)
    {
        await using var db = Store.CreateDbContext();
        return await db.Set<SlaTimer>().AsNoTracking().Where(s => s.Ticket!.Key == key).OrderBy(s => s.DueAt).ToListAsync();
    }

    /// <summary>Everything written to the outbox so far, in order.</summary>
    public async Task<List<(string To, OutboundMessage Message)>> OutboxAsync()
    {
        await using var db = Store.CreateDbContext();
        var rows = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        return rows.Select(r => ($"{r.Channel}:{r.ConversationId}", JsonSerializer.Deserialize<OutboundMessage>(r.Payload, OutboundJson.Options)!)).ToList();
    }

    public void Dispose() => Store.Dispose();

    private async Task SaveAsync(ServiceDeskDbContext db)
    {
        await Tracker.SyncAsync(db, Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private static string DialogsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dialogs");
            if (File.Exists(Path.Combine(candidate, "texts", "en.yaml")))
                return candidate;
        }
        throw new DirectoryNotFoundException("dialogs/texts/en.yaml not found above " + AppContext.BaseDirectory);
    }
}
