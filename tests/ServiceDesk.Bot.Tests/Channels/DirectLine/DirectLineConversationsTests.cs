using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineConversationsTests
{
    [Fact]
    public async Task Start_when_called_returns_id_token_expiry_and_stream_url()
    {
        await using var host = await DirectLineHost.StartAsync();

        var response = await host.Client.PostAsync("/v3/directline/conversations", DirectLineHost.Json("""{"user":{"id":"alice"},"locale":"en-US"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["conversationId"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
        Assert.StartsWith("ws://", body["streamUrl"]!.GetValue<string>());
        Assert.Contains($"/v3/directline/conversations/{id}/stream?t=", body["streamUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_when_no_body_sent_creates_unbound_conversation()
    {
        await using var host = await DirectLineHost.StartAsync();

        var response = await host.Client.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Reconnect_when_conversation_exists_returns_new_stream_url_resuming_at_watermark()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var body = await host.Client.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{conversation}?watermark=3");

        Assert.Equal(conversation, body!["conversationId"]!.GetValue<string>());
        Assert.Contains("/stream?t=", body["streamUrl"]!.GetValue<string>());
        Assert.EndsWith("&watermark=3", body["streamUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/v3/directline/conversations/nope")]
    [InlineData("GET", "/v3/directline/conversations/nope/activities?watermark=")]
    [InlineData("POST", "/v3/directline/conversations/nope/activities")]
    [InlineData("GET", "/v3/directline/conversations/nope/stream")]
    public async Task Endpoint_when_conversation_unknown_answers_404_problem(string method, string path)
    {
        await using var host = await DirectLineHost.StartAsync();

        var response = await host.Client.SendAsync(host.Request(new HttpMethod(method), path, json: method == "POST" ? """{"type":"message","text":"x","from":{"id":"a"}}""" : null));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Start_when_room_requested_must_be_a_configured_shared_room()
    {
        await using var host = await DirectLineHost.StartAsync();

        var response = await host.Client.PostAsync("/v3/directline/conversations", DirectLineHost.Json("""{"user":{"id":"lena"},"room":"secret-room"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Start_when_user_id_names_a_shared_room_is_refused()
    {
        await using var host = await DirectLineHost.StartAsync();

        var response = await host.Client.PostAsync("/v3/directline/conversations", DirectLineHost.Json("""{"user":{"id":"l1-team"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Open_mode_when_client_is_not_loopback_answers_403()
    {
        await using var host = await DirectLineHost.StartAsync();

        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/v3/directline/conversations";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        });

        Assert.Equal(403, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task Open_mode_when_a_proxy_on_this_host_forwards_the_request_answers_403(string header, string value)
    {
        await using var host = await DirectLineHost.StartAsync();

        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/v3/directline/conversations";
            c.Request.Headers[header] = value;
            c.Connection.RemoteIpAddress = IPAddress.Loopback; // the proxy's own connection
        });

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task Open_mode_when_client_is_loopback_needs_no_credentials()
    {
        await using var host = await DirectLineHost.StartAsync();

        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/v3/directline/conversations";
            c.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        });

        Assert.Equal(201, context.Response.StatusCode);
    }
}
