using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class WebChatRegistrationTests
{
    [Fact]
    public async Task Disabled_web_chat_serves_no_endpoints_and_no_web_sender()
    {
        await using var host = await DirectLineHost.StartAsync(settings: new() { ["Channels:WebChat:Enabled"] = "false" });

        var start = await host.Client.PostAsync("/v3/directline/conversations", null);
        var page = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(host.Get<IEnumerable<IChannelSender>>(), s => s.Channel == "web");
    }

    [Fact]
    public async Task Enabled_web_chat_serves_the_page_and_registers_the_web_sender()
    {
        await using var host = await DirectLineHost.StartAsync();

        var page = await host.Client.GetAsync("/");
        var script = await host.Client.GetAsync("/webchat/webchat.js");
        var unknown = await host.Client.GetAsync("/webchat/secrets.txt");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/v3/directline", await page.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single(host.Get<IEnumerable<IChannelSender>>(), s => s.Channel == "web");
    }

    [Fact]
    public void Invalid_settings_stop_the_start_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => DirectLineHost.StartAsync(settings: new() { ["Channels:WebChat:MaxBodyBytes"] = "5" }).GetAwaiter().GetResult());

        Assert.Contains("Channels:WebChat:MaxBodyBytes", error.Message);
    }
}
