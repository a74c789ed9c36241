using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Conversations;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_when_a_manager_asks_for_the_week_counts_volume_flr_deflection_csat_and_reopens()
    {
        await using var desk = await TestDesk.StartAsync(configure: s => s.AddSingleton<IKnowledgeBase>(new FakeKnowledgeBase()));
        // One deflection, two tickets: SD-1 solved by L1 and rated 4, SD-2 escalated and still open.
        await desk.SendAsync("bob", "bob", "vpn does not work");
        await desk.SendAsync("bob", "bob", null, action: "solved:vpn-en");
        await desk.OpenTicketAsync("alice", "Printer is jammed on floor 2");
        await desk.SendAsync("lena", "l1-team", "claim SD-1", isPrivate: false);
        desk.Clock.Advance(TimeSpan.FromHours(2));
        await desk.SendAsync("lena", "l1-team", "resolve SD-1 removed the paper", isPrivate: false);
        await desk.SendAsync("alice", "alice", "rate SD-1 4");
        await desk.OpenTicketAsync("alice", "Cannot open the finance share");
        await desk.SendAsync("lena", "l1-team", "escalate SD-2 needs L2 rights", isPrivate: false);

        var employee = await desk.SendAsync("lena", "lena", "report week");
        Assert.Contains("The command 'report' is for managers.", Assert.Single(employee.Messages).Text);
        var report = await desk.SendAsync("maria", "maria", "report week");
        var text = Assert.Single(report.Messages).Text;
        Assert.Contains("Opened 2 · resolved 1 · closed 0", text);
        Assert.Contains("Backlog 1", text);
        Assert.Contains("First-line resolution 100%", text);
        Assert.Contains("to resolve 2 h", text);
        Assert.Contains("Solved by the knowledge base 1 (deflection 33%)", text);
        Assert.Contains("CSAT 4 (answered 100%) · reopened 0%", text);
    }
}
