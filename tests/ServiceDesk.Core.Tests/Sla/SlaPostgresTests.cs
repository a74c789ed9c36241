using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>The SLA monitor and the outbox dispatcher on PostgreSQL (the store for several replicas).</summary>
public sealed class SlaPostgresTests
{
    [PostgresFact]
    public async Task Postgres_when_a_P2_ticket_ages_warns_breaches_and_delivers_through_a_flaky_api_once()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync(settings => settings["Sla:L1TimeBox"] = "2.00:00:00");
        try
        {
            var script = new Transcript(desk);
            await script.PlayAsync("""
                ! intake alice > My laptop cannot connect to the VPN since this morning
                alice < Ticket SD-1 is open, priority P3. First response by 2026-11-23 11:00 (UTC)
                l1-team < 🎫 SD-1 [P3]
                kate@l1-team > [Claim]
                l1-team < 🎫 SD-1 [P3]
                alice < Kate is working on your ticket SD-1.
                l1-team < You have taken SD-1.
                kate@l1-team > priority SD-1 P2 urgent
                l1-team < ⏱ resolution: 8h 00m left
                alice < SD-1
                l1-team < SD-1
                """);

            // the chat API fails (500, then 429 with retry-after) while the monitor fires the 50% warning
            var failures = 0;
            desk.Channel.Fail = _ => ++failures switch
            {
                1 => new ChannelDeliveryException("HTTP 500", permanent: false),
                2 => new ChannelDeliveryException("HTTP 429", permanent: false, TimeSpan.FromSeconds(30)),
                _ => null,
            };
            desk.Clock.SetTo(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));
            Assert.Equal(1, (await desk.Get<SlaMonitor>().RunDueAsync(default)).Fired);
            var dispatcher = desk.Get<OutboxDispatcher>();
            for (var i = 0; i < 10 && await dispatcher.NextDueAsync(default) is { } next; i++)
            {
                if (next > desk.Clock.GetUtcNow()) desk.Clock.SetTo(next);
                await dispatcher.DispatchOnceAsync(default);
            }
            await script.PlayAsync("kate < ⏰ SD-1 «My laptop cannot connect to the VPN since this morning»: 50% of the resolution time is used, 4h 00m left");
            Assert.Equal(3, failures);

            desk.Clock.SetTo(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero));
            await desk.Get<SlaMonitor>().RunDueAsync(default);
            await desk.Get<SlaMonitor>().RunDueAsync(default);
            await desk.DeliverAsync();
            await script.PlayAsync("""
                maria < 🚨 SD-1 «My laptop cannot connect to the VPN since this morning» (P2) breached its resolution target
                managers < 🚨 SD-1
                maria > sla
                maria < 🚨 Breached (1): / SD-1 P2 L1
                """);
            var counts = await desk.Get<OutboxAdministration>().CountsAsync(default);
            Assert.Equal((0, 0), (counts.Pending, counts.Parked));
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_when_two_dispatchers_share_the_outbox_sends_each_message_once_in_order()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync();
        try
        {
            var factory = desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
            await using (var db = factory.CreateDbContext())
            {
                var writer = new OutboxWriter(db, Start);
                for (var i = 1; i <= 60; i++)
                    writer.Write(new OutboundMessage { To = new ConversationAddress("test", $"c{i % 7}"), Text = $"m{i}" });
                await db.SaveChangesAsync();
            }
            var clock = new FakeClock(Start);
            var channel = new InMemoryChannel();
            var outbox = Microsoft.Extensions.Options.Options.Create(new OutboxOptions());
            var one = new OutboxDispatcher(factory, [channel], clock, outbox);
            var two = new OutboxDispatcher(factory, [channel], clock, outbox);

            for (var i = 0; i < 20; i++)
                await Task.WhenAll(Task.Run(() => one.DispatchOnceAsync(default)), Task.Run(() => two.DispatchOnceAsync(default)));

            var texts = channel.Delivered.Select(d => d.Message.Text).ToList();
            Assert.Equal(60, texts.Count);
            Assert.Equal(60, texts.Distinct().Count());
            foreach (var group in channel.Delivered.GroupBy(d => d.Message.To.ConversationId))
            {
                var numbers = group.Select(d => int.Parse(d.Message.Text[1..])).ToList();
                Assert.Equal(numbers.Order(), numbers);
            }
        }
        finally
        {
            await drop();
        }
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
}
