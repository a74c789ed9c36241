using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.DirectLine;
using Xunit.Abstractions;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>
/// The browser harness against the web channel on a real Kestrel socket, with the intake-shaped test double as the
/// bot: Microsoft's Web Chat and the built-in page each report a problem and reach a ticket key.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatBrowserTests(ITestOutputHelper log)
{
    [BrowserFact]
    public async Task Microsoft_web_chat_when_user_reports_problem_reaches_ticket_key()
    {
        await using var app = await StartAsync();

        var (exit, output) = await E2eEnvironment.RunAsync(BaseUrl(app), "webchat", TimeSpan.FromMinutes(2));

        log.WriteLine(output);
        Assert.True(exit == 0, output);
        Assert.Contains("ticket key seen: SD-1", output);
        Assert.True(File.Exists(Path.Combine(E2eEnvironment.ArtifactsDirectory, "e2e-webchat.png")));
    }

    [BrowserFact]
    public async Task Built_in_page_when_user_reports_problem_reaches_ticket_key()
    {
        await using var app = await StartAsync();

        var (exit, output) = await E2eEnvironment.RunAsync(BaseUrl(app), "builtin", TimeSpan.FromMinutes(2));

        log.WriteLine(output);
        Assert.True(exit == 0, output);
        Assert.Contains("ticket key seen: SD-1", output);
        Assert.True(File.Exists(Path.Combine(E2eEnvironment.ArtifactsDirectory, "e2e-builtin.png")));
    }

    [BrowserFact]
    public async Task Microsoft_web_chat_with_only_a_generated_token_reaches_ticket_key()
    {
        const string secret = "e2e-secret-0123456789abcdef";
        await using var app = await StartAsync(secret);

        var (exit, output) = await E2eEnvironment.RunAsync(BaseUrl(app), "webchat", TimeSpan.FromMinutes(2), "--secret", secret, "--shot", "webchat-token");

        log.WriteLine(output);
        Assert.True(exit == 0, output);
        Assert.Contains("token generated for", output);
        Assert.Contains("ticket key seen: SD-1", output);
    }

    private static async Task<WebApplication> StartAsync(string? secret = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Channels:WebChat:DirectLineSecret"] = secret;
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
        builder.Services.AddSingleton<IWebInboundHandler, IntakeScriptBot>();
        builder.Services.AddWebChatChannel(builder.Configuration);
        var app = builder.Build();
        app.MapWebChat();
        await app.StartAsync();
        return app;
    }

    private static string BaseUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
