using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Bot.Tests.Api;

public sealed class OutboxApiTests
{
    [Fact]
    public async Task Outbox_api_shows_a_parked_message_with_its_error_and_a_retry_delivers_it()
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        var id = await ParkedMessages.AddAsync(desk.Services, "web", "emp-42", "503 Service Unavailable (12 attempts)");

        var counts = await client.GetFromJsonAsync<JsonElement>("/api/outbox");
        Assert.Equal(1, counts.GetProperty("parked").GetInt32());
        var parked = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/outbox/parked")).EnumerateArray());
        Assert.Equal(id, parked.GetProperty("id").GetInt64());
        Assert.Equal("web", parked.GetProperty("channel").GetString());
        Assert.Equal("SD-7", parked.GetProperty("ticketKey").GetString());
        Assert.Equal("503 Service Unavailable (12 attempts)", parked.GetProperty("lastError").GetString());
        Assert.Equal("Your ticket SD-7 was resolved.", parked.GetProperty("message").GetProperty("text").GetString());

        var retry = await client.PostAsync($"/api/outbox/parked/{id}/retry", null);

        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.Equal(new OutboxCounts(0, 1, 0), await ParkedMessages.SettledAsync(desk.Services)); // the web channel took it
        var again = await client.PostAsync($"/api/outbox/parked/{id}/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Outbox_api_drop_deletes_the_parked_message_and_nothing_else()
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        var dropped = await ParkedMessages.AddAsync(desk.Services, "telegram", "555", "403 Forbidden: bot was blocked by the user");
        var kept = await ParkedMessages.AddAsync(desk.Services, "telegram", "556", "403 Forbidden: bot was blocked by the user");

        var response = await client.DeleteAsync($"/api/outbox/parked/{dropped}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var parked = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/outbox/parked")).EnumerateArray());
        Assert.Equal(kept, parked.GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/outbox/parked/{dropped}")).StatusCode);
    }

    [Theory]
    [InlineData("DELETE", "/api/outbox/parked/abc", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "/api/outbox/parked/99999", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/outbox/parked/abc/retry", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/outbox/parked/-3/retry", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/outbox/parked/99999/retry", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/outbox/parked?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/outbox/parked?limit=5000", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/outbox/parked?limit=many", HttpStatusCode.BadRequest)]
    public async Task Outbox_api_when_asked_wrongly_answers_a_problem_and_changes_nothing(string method, string url, HttpStatusCode expected)
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        await ParkedMessages.AddAsync(desk.Services, "web", "emp-42", "timeout");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("parked").GetInt32());
    }

    [Fact]
    public async Task Outbox_api_when_keys_are_configured_needs_one()
    {
        await using var desk = new DeskFactory(new() { ["ServiceDesk:Api:Keys:0"] = "s3cret" });
        var client = desk.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/outbox/parked/1/retry", null)).StatusCode);
    }
}
