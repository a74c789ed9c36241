using Xunit.Abstractions;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>
/// The acceptance path with real, independent clients against the real service (own process, store on disk, the
/// default configuration, the sample knowledge base): Microsoft's Web Chat and the built-in page report a problem,
/// decline the knowledge-base suggestion with "Not that", answer by buttons and see the ticket key;
/// on the built-in page the ticket's card then shows in the L1 team channel pane, Lena claims it there and Alice is
/// told. Screenshots go to artifacts/e2e.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RealServiceBrowserTests(ITestOutputHelper log)
{
    [BrowserFact]
    public async Task Microsoft_web_chat_against_the_service_reaches_ticket_key()
    {
        await using var service = await ServiceProcess.StartAsync();

        var (exit, output) = await E2eEnvironment.RunAsync(service.Url, "webchat", TimeSpan.FromMinutes(2), "--shot", "service-webchat", "--require-kb", "true");

        log.WriteLine(output);
        Assert.True(exit == 0, output + "\n--- service log ---\n" + service.Log);
        Assert.Contains("press: Not that", output);
        Assert.Matches(@"ticket key seen: SD-\d+", output);
        Assert.True(File.Exists(Path.Combine(E2eEnvironment.ArtifactsDirectory, "e2e-service-webchat.png")));
    }

    [BrowserFact]
    public async Task Microsoft_web_chat_polling_with_watermarks_against_the_service_reaches_ticket_key()
    {
        await using var service = await ServiceProcess.StartAsync();

        var (exit, output) = await E2eEnvironment.RunAsync(service.Url, "webchat", TimeSpan.FromMinutes(2), "--shot", "service-webchat-polling", "--require-kb", "true", "--websocket", "false");

        log.WriteLine(output);
        Assert.True(exit == 0, output + "\n--- service log ---\n" + service.Log);
        Assert.Contains("press: Not that", output);
        Assert.Matches(@"ticket key seen: SD-\d+", output);
    }

    [BrowserFact]
    public async Task Built_in_page_against_the_service_reaches_ticket_key_and_team_card()
    {
        await using var service = await ServiceProcess.StartAsync();

        var (exit, output) = await E2eEnvironment.RunAsync(service.Url, "builtin", TimeSpan.FromMinutes(2), "--shot", "service-builtin", "--expect-team-card", "l1-team", "--lifecycle", "true", "--require-kb", "true");

        log.WriteLine(output);
        Assert.True(exit == 0, output + "\n--- service log ---\n" + service.Log);
        Assert.Contains("press: Not that", output);
        Assert.Matches(@"team channel l1-team shows: "".*SD-\d+", output);
        Assert.Matches(@"as lena: saw ""You have taken SD-\d+""", output);
        Assert.Matches(@"as alice: told that someone is working on SD-\d+", output);
        Assert.True(File.Exists(Path.Combine(E2eEnvironment.ArtifactsDirectory, "e2e-service-builtin.png")));
    }
}
