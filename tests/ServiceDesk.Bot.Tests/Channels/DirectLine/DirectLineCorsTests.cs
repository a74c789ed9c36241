using System.Net;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineCorsTests
{
    [Fact]
    public async Task Preflight_when_web_chat_asks_allows_authorization_and_content_type()
    {
        await using var host = await DirectLineHost.StartAsync(DirectLineHost.Secret);
        var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations/abc/activities");
        request.Headers.Add("Origin", "http://127.0.0.1:9999");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://127.0.0.1:9999", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Fact]
    public async Task Response_when_request_has_origin_allows_it_even_on_errors()
    {
        await using var host = await DirectLineHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/conversations/unknown/activities");
        request.Headers.Add("Origin", "http://localhost:3000");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
