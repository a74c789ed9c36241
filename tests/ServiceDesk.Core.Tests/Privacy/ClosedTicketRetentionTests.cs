using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Storage.Housekeeping;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Privacy;

/// <summary><c>ServiceDesk:Retention:ClosedTicketsPersonalData</c>: closed tickets past it lose their personal data, the rest stay.</summary>
public sealed class ClosedTicketRetentionTests
{
    private const string OldMarker = "velvetquince";
    private const string RecentMarker = "amberlynx";
    private const string OpenMarker = "copperwren";

    public const string RetentionSetting = "ServiceDesk:Retention:ClosedTicketsPersonalData";

    [Fact]
    public async Task Housekeeping_when_a_ticket_closed_longer_ago_than_the_retention_anonymises_it_and_keeps_recent_and_open_ones()
    {
        var settings = TestDesk.DefaultSettings();
        settings[RetentionSetting] = "365.00:00:00";
        await using var desk = await TestDesk.StartAsync(settings);
        await PlayAndCheckAsync(desk);
    }

    /// <summary>The scenario on any provider (PostgreSQL: <see cref="ClosedTicketRetentionPostgresTests"/>); the desk's retention is 365 days.</summary>
    internal static async Task PlayAndCheckAsync(TestDesk desk)
    {
        await CloseTicketAsync(desk, "olga", $"Docking station {OldMarker} flickers", "SD-1");
        desk.Clock.Advance(TimeSpan.FromDays(200));
        await CloseTicketAsync(desk, "rita", $"Docking station {RecentMarker} flickers too", "SD-2");
        await desk.OpenTicketAsync("otto", $"Docking station {OpenMarker} is dead");
        desk.Clock.Advance(TimeSpan.FromDays(200)); // SD-1 closed 400 days ago, SD-2 200 days ago, SD-3 still open
        var eventsBefore = await PersonErasureStory.CountAsync(desk, db => db.TicketEvents.CountAsync());

        var first = await desk.Get<StoreHousekeeping>().PruneOnceAsync(default);
        var second = await desk.Get<StoreHousekeeping>().PruneOnceAsync(default);

        Assert.Equal((1, 0), (first.AnonymisedTickets, second.AnonymisedTickets));
        Assert.Empty(await StoreTextScan.FindAsync(desk, OldMarker));
        // the person herself is not forgotten (her profile stays), only the ticket and its history no longer name her
        Assert.DoesNotContain(await StoreTextScan.FindAsync(desk, "test:olga"), s => s.StartsWith("tickets.") || s.StartsWith("ticket_events."));
        Assert.NotEmpty(await StoreTextScan.FindAsync(desk, RecentMarker));
        Assert.NotEmpty(await StoreTextScan.FindAsync(desk, OpenMarker));
        Assert.Equal(eventsBefore + 1, await PersonErasureStory.CountAsync(desk, db => db.TicketEvents.CountAsync()));

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var old = await db.Tickets.Include(t => t.Events).SingleAsync(t => t.Key == "SD-1");
        Assert.Matches("^erased:[0-9a-f]{12}$", old.RequesterId);
        Assert.Equal((PersonErasure.Erased, PersonErasure.Erased, TicketStatus.Closed), (old.Title, old.RequesterName, old.Status));
        Assert.NotNull(old.ResolvedAt);
        Assert.Single(old.Events, e => e.Kind == TicketEventKinds.PersonalDataErased);
        Assert.Equal("test:rita", (await db.Tickets.SingleAsync(t => t.Key == "SD-2")).RequesterId);
    }

    [Fact]
    public async Task Housekeeping_when_the_retention_is_zero_keeps_closed_tickets_whole()
    {
        await using var desk = await TestDesk.StartAsync();
        await CloseTicketAsync(desk, "olga", $"Docking station {OldMarker} flickers", "SD-1");
        desk.Clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(0, (await desk.Get<StoreHousekeeping>().PruneOnceAsync(default)).AnonymisedTickets);
        Assert.NotEmpty(await StoreTextScan.FindAsync(desk, OldMarker));
    }

    private static async Task CloseTicketAsync(TestDesk desk, string requester, string description, string key)
    {
        await desk.OpenTicketAsync(requester, description);
        await desk.SendAsync("lena", "l1-team", $"claim {key}", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", $"resolve {key} Reseated the {description.Split(' ')[2]} cable.", isPrivate: false);
        await desk.SendAsync(requester, requester, $"confirm {key}");
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(TicketStatus.Closed, (await db.Tickets.SingleAsync(t => t.Key == key)).Status);
    }
}
