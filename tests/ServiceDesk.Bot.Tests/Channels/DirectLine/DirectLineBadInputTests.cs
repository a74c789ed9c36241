using System.Net;
using System.Text;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>Every endpoint answers bad input with a 4xx problem, never 5xx, and nothing stored is lost or added.</summary>
public sealed class DirectLineBadInputTests
{
    public static TheoryData<string, string> BadActivityBodies => new()
    {
        { "malformed JSON", """{"type":"message","text":"hi" """ },
        { "not an object", """["type","message"]""" },
        { "missing type", """{"text":"hi","from":{"id":"alice"}}""" },
        { "type not a string", """{"type":7,"text":"hi","from":{"id":"alice"}}""" },
        { "missing text and value", """{"type":"message","from":{"id":"alice"}}""" },
        { "blank text", """{"type":"message","text":"   ","from":{"id":"alice"}}""" },
        { "text not a string", """{"type":"message","text":{"a":1},"from":{"id":"alice"}}""" },
        { "from not an object", """{"type":"message","text":"hi","from":"alice"}""" },
        { "bad user id", """{"type":"message","text":"hi","from":{"id":"a:b c"}}""" },
        { "channelData not an object", """{"type":"message","text":"hi","from":{"id":"alice"},"channelData":"x"}""" },
        { "attachments not an array", """{"type":"message","text":"hi","from":{"id":"alice"},"attachments":{}}""" },
        { "too deep", new string('[', 100) + new string(']', 100) },
        { "empty body", "" },
    };

    [Theory]
    [MemberData(nameof(BadActivityBodies))]
    public async Task Post_activity_when_body_is_bad_answers_400_problem_and_keeps_state(string why, string body)
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(conversation, "before");

        var response = await host.PostActivityAsync(conversation, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(host.Bot.Received);
        Assert.Equal(2, (await host.GetActivitiesAsync(conversation)).Activities.Count);
    }

    [Theory]
    [InlineData("/v3/directline/conversations/{0}/activities")]
    [InlineData("/v3/directline/conversations")]
    [InlineData("/v3/directline/tokens/generate")]
    public async Task Post_when_body_exceeds_limit_answers_413_problem(string pathFormat)
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");
        var huge = """{"type":"message","from":{"id":"alice"},"text":""" + "\"" + new string('x', 1024 * 1024) + "\"}";

        var response = await host.Client.PostAsync(string.Format(pathFormat, conversation), DirectLineHost.Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.Bot.Received);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Post_when_body_streams_past_limit_without_length_answers_413()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await PostChunkedAsync(host, conversation, new string(' ', 600 * 1024) + "{}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(1100)] // past a small limit, within the first chunk the reader takes
    [InlineData(20_000)] // past it, over several chunks
    public async Task Post_when_chunked_body_passes_a_small_limit_answers_413(int size)
    {
        await using var host = await DirectLineHost.StartAsync(settings: new() { ["Channels:WebChat:MaxBodyBytes"] = "1024" });
        var (conversation, _) = await host.StartConversationAsync("alice");
        var body = $$"""{"type":"message","from":{"id":"alice"},"text":"{{new string('x', size)}}"}""";

        var response = await PostChunkedAsync(host, conversation, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(800)] // 8,800 bytes of UTF-8: longer than the reader's first chunk
    public async Task Post_when_chunked_body_is_within_the_limit_is_read_whole(int words)
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");
        var text = string.Concat(Enumerable.Range(0, words).Select(i => $"zażółć{i % 10}"));
        var body = $$"""{"type":"message","from":{"id":"alice"},"text":"{{text}}"}""";

        var response = await PostChunkedAsync(host, conversation, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, Assert.Single(host.Bot.Received).Text);
    }

    [Fact]
    public async Task Post_when_text_longer_than_limit_answers_400()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.PostActivityAsync(conversation, """{"type":"message","from":{"id":"alice"},"text":""" + "\"" + new string('x', 9000) + "\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_when_content_type_is_not_json_answers_415()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.Client.PostAsync($"/v3/directline/conversations/{conversation}/activities",
            new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"user":"alice"}""")]
    [InlineData("""{"user":{"id":5}}""")]
    [InlineData("""{"user":{"id":"has space"}}""")]
    [InlineData("""{"locale":"en US;drop"}""")]
    [InlineData("""{"room":["l1-team"]}""")]
    [InlineData("""{"user":{"id":"alice"}""")]
    [InlineData("42")]
    public async Task Start_and_generate_when_body_is_bad_answer_400_problem(string body)
    {
        await using var host = await DirectLineHost.StartAsync();

        var start = await host.Client.PostAsync("/v3/directline/conversations", DirectLineHost.Json(body));
        var generate = await host.Client.PostAsync("/v3/directline/tokens/generate", DirectLineHost.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, generate.StatusCode);
        Assert.Equal("application/problem+json", start.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e5")]
    [InlineData("99999999999999999999999")]
    public async Task Get_activities_when_watermark_is_bad_answers_400_not_5xx(string watermark)
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.Client.GetAsync($"/v3/directline/conversations/{conversation}/activities?watermark={watermark}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reconnect_and_stream_when_watermark_is_bad_answer_400_problem()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var reconnect = await host.Client.GetAsync($"/v3/directline/conversations/{conversation}?watermark=x1");
        var stream = await host.Client.GetAsync($"/v3/directline/conversations/{conversation}/stream?watermark=-5");

        Assert.Equal(HttpStatusCode.BadRequest, reconnect.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stream.StatusCode);
        Assert.Equal("application/problem+json", reconnect.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_activities_when_watermark_beyond_end_returns_empty_page()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var (activities, watermark) = await host.GetActivitiesAsync(conversation, "500");

        Assert.Empty(activities);
        Assert.Equal("500", watermark);
    }

    [Theory]
    [InlineData("POST", "/v3/directline/conversations")]
    [InlineData("POST", "/v3/directline/tokens/generate")]
    [InlineData("POST", "/v3/directline/tokens/refresh")]
    [InlineData("GET", "/v3/directline/conversations/{0}")]
    [InlineData("GET", "/v3/directline/conversations/{0}/activities")]
    [InlineData("POST", "/v3/directline/conversations/{0}/activities")]
    [InlineData("GET", "/v3/directline/conversations/{0}/stream")]
    public async Task Secured_endpoint_when_credentials_missing_or_wrong_answers_401_or_403_problem(string method, string pathFormat)
    {
        await using var host = await DirectLineHost.StartAsync(DirectLineHost.Secret);
        var (conversation, _) = await host.StartConversationAsync("alice", bearer: DirectLineHost.Secret);
        var path = string.Format(pathFormat, conversation);
        var body = method == "POST" ? """{"type":"message","text":"hi","from":{"id":"alice"}}""" : null;

        var none = await host.Client.SendAsync(host.Request(new HttpMethod(method), path, json: body));
        var wrong = await host.Client.SendAsync(host.Request(new HttpMethod(method), path, "not-a-token", body));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.Bot.Received);
    }

    [Fact]
    public async Task Upload_when_attempted_answers_415_problem()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.Client.PostAsync($"/v3/directline/conversations/{conversation}/upload?userId=alice", new ByteArrayContent([1, 2, 3]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Stream_when_not_a_websocket_request_answers_400_problem()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");

        var response = await host.Client.GetAsync($"/v3/directline/conversations/{conversation}/stream");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_activities_when_store_fails_answers_empty_page_with_same_watermark_not_5xx()
    {
        var store = new FlakyStore();
        await using var host = await DirectLineHost.StartAsync(store: store);
        var (conversation, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(conversation, "hi");

        store.Down = true;
        var (during, watermark) = await host.GetActivitiesAsync(conversation, "1");
        store.Down = false;
        var (after, _) = await host.GetActivitiesAsync(conversation, watermark);

        Assert.Empty(during);
        Assert.Equal("1", watermark);
        Assert.Equal("got: hi", Assert.Single(after)!["text"]!.GetValue<string>());
    }

    /// <summary>Posts an activity body with no Content-Length (chunked), so the server only learns its size by reading.</summary>
    private static Task<HttpResponseMessage> PostChunkedAsync(DirectLineHost host, string conversation, string body)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return host.Client.SendAsync(request);
    }
}
