using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineTokensTests
{
    private const string Secret = DirectLineHost.Secret;

    [Fact]
    public async Task Secured_when_no_credentials_answers_401_problem()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);

        var response = await host.Client.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Secured_when_secret_given_starts_conversation_with_token_for_it()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);

        var (conversation, token) = await host.StartConversationAsync("alice", bearer: Secret);
        await host.SendTextAsync(conversation, "hi", bearer: token);

        Assert.Equal(2, (await host.GetActivitiesAsync(conversation, bearer: token)).Activities.Count);
    }

    [Fact]
    public async Task Token_when_used_for_another_conversation_answers_403()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);
        var (_, aliceToken) = await host.StartConversationAsync("alice", bearer: Secret);
        var (bobConversation, _) = await host.StartConversationAsync("bob", bearer: Secret);

        var response = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{bobConversation}/activities", aliceToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_when_expired_answers_403_on_every_conversation_endpoint()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);
        var (conversation, token) = await host.StartConversationAsync("alice", bearer: Secret);

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        var get = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token));
        var post = await host.PostActivityAsync(conversation, """{"type":"message","text":"hi"}""", token);
        var refresh = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Fact]
    public async Task Refresh_when_token_valid_returns_token_that_outlives_the_old_one()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);
        var (conversation, token) = await host.StartConversationAsync("alice", bearer: Secret);

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", token));
        var refreshed = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var old = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token));
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        await host.GetActivitiesAsync(conversation, bearer: refreshed);
    }

    [Fact]
    public async Task Generate_when_secret_given_returns_token_bound_to_user_that_starts_its_conversation()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);
        var generate = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/generate", Secret, """{"user":{"id":"alice"}}"""));
        var generated = (await generate.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = generated["token"]!.GetValue<string>();

        var start = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        var started = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversation = started["conversationId"]!.GetValue<string>();
        await host.PostActivityAsync(conversation, """{"type":"message","text":"hi","from":{"id":"mallory"}}""", token);

        Assert.Equal(HttpStatusCode.OK, generate.StatusCode);
        Assert.Equal(generated["conversationId"]!.GetValue<string>(), conversation);
        Assert.Equal("alice", Assert.Single(host.Bot.Received).SenderId);
    }

    [Fact]
    public async Task Generate_when_caller_holds_only_a_token_answers_403()
    {
        await using var host = await DirectLineHost.StartAsync(Secret);
        var (_, token) = await host.StartConversationAsync("alice", bearer: Secret);

        var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/generate", token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJjIjoiYSJ9.AAAA")]
    [InlineData("wrong-secret-0123456789abcdef")]
    public async Task Secured_when_credential_is_not_ours_answers_403(string credential)
    {
        await using var host = await DirectLineHost.StartAsync(Secret);
        var (conversation, _) = await host.StartConversationAsync("alice", bearer: Secret);

        var response = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", credential));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_when_forged_by_another_secret_answers_403()
    {
        await using var other = await DirectLineHost.StartAsync("another-secret-0123456789");
        await using var host = await DirectLineHost.StartAsync(Secret);
        var (conversation, _) = await host.StartConversationAsync("alice", bearer: Secret);
        var forged = other.Get<ServiceDesk.Bot.Channels.DirectLine.DirectLineTokenService>().Issue(conversation, "alice", null);

        var response = await host.Client.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", forged));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
