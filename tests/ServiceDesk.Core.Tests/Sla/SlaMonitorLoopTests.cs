using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Sla;

public sealed class SlaMonitorLoopTests
{
    [Fact]
    public async Task Loop_sleeps_on_the_clock_and_fires_when_the_next_timer_comes_due()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync("""
            ! intake alice > My laptop cannot connect to the VPN since this morning
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1 [P3]
            """);
        var loop = new SlaMonitorLoop(desk.Get<SlaMonitor>(), desk.Clock, NullLogger<SlaMonitorLoop>.Instance);
        await loop.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200);
            Assert.Equal(0, await FiredAsync(desk));

            // P3: first response 2 h, so the 50% warning is due at 10:00; the loop sleeps at most 15 s of clock time
            for (var i = 0; i < 4 * 60 - 1; i++)
                desk.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(200);
            Assert.Equal(0, await FiredAsync(desk)); // 09:59:45

            // one clock second per look, so whatever the loop sleeps on comes due; stop well before the 75% (10:30)
            Assert.True(await EventuallyAsync(async () =>
            {
                desk.Clock.Advance(TimeSpan.FromSeconds(1));
                return await FiredAsync(desk) == 1;
            }), "the 50% warning did not fire");
        }
        finally
        {
            await loop.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> FiredAsync(TestDesk desk)
    {
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        return await db.Set<SlaTimer>().CountAsync(t => t.FiredAt != null);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
                return true;
            await Task.Delay(50);
        }
        return false;
    }
}
