using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Telemetry;
using ServiceDesk.Core.Tickets;
using static ServiceDesk.Core.Tests.Sla.TestCalendars;

namespace ServiceDesk.Core.Tests.Sla;

public sealed class SlaMetricsTests
{
    [Fact]
    public async Task Monitor_counts_each_alert_it_commits_by_alert_target_and_priority()
    {
        using var container = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = container.GetRequiredService<IMeterFactory>();
        var alerts = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == "servicedesk.sla.alerts") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (alerts) alerts.Add(string.Join(' ', tags.ToArray().Select(t => $"{t.Key}={t.Value}")) + $" +{value}");
        });
        listener.Start();
        using var desk = new SlaDesk(Local(Warsaw, 2026, 11, 23, 10));
        var monitor = new SlaMonitor(desk.Store, desk.Tracker, new TicketHooks([desk.Tracker]), new OutboxSignal(), desk.Texts, desk.People,
            Microsoft.Extensions.Options.Options.Create(desk.Options), desk.Clock, new ServiceDeskMetrics(meters));
        var key = await desk.OpenAsync(Priority.P2);
        desk.Clock.SetTo(Local(Warsaw, 2026, 11, 23, 10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(SlaDesk.Lena), c));

        foreach (var hour in new[] { 13, 14, 16, 18 })
        {
            desk.Clock.SetTo(Local(Warsaw, 2026, 11, 23, hour, 30));
            await monitor.RunDueAsync(CancellationToken.None);
        }

        Assert.Equal( // the L1 time box (20 min in progress) first, then 50 % and 75 % of resolution, then its breach
            ["alert=l1_timebox target=l1 priority=P2 +1", "alert=warning target=resolution priority=P2 +1", "alert=warning target=resolution priority=P2 +1", "alert=breach target=resolution priority=P2 +1"],
            alerts);
    }
}
