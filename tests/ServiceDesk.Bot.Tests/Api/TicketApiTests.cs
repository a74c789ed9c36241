using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ServiceDesk.Bot.Tests.Hosting;

namespace ServiceDesk.Bot.Tests.Api;

public sealed class TicketApiTests
{
    [Fact]
    public async Task Host_when_started_with_no_configuration_is_ready_and_lists_tickets()
    {
        await using var factory = new DeskFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/tickets");
        Assert.Equal(0, page.GetProperty("total").GetInt32());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "servicedesk.db")));
    }

    [Fact]
    public async Task Api_when_a_monitoring_system_opens_a_ticket_creates_it_with_matrix_priority_and_history()
    {
        await using var factory = new DeskFactory();
        var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/tickets", new { title = "Disk full on srv-01", impact = "High", urgency = "Medium", category = "hardware" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/tickets/SD-1", created.Headers.Location?.OriginalString);
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("P2", ticket.GetProperty("priority").GetString());

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/tickets/SD-1");
        Assert.Equal("created", detail.GetProperty("history")[0].GetProperty("kind").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/tickets?status=New&line=L1");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var none = await client.GetFromJsonAsync<JsonElement>("/api/tickets?status=Closed");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("{\"description\":\"no title\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"title\":\"x\",\"impact\":\"Huge\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"title\":\"x\",\"requester\":\"nochannel\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"title\":\"x\",\"language\":\"de\"}", HttpStatusCode.BadRequest)]
    public async Task Api_when_the_body_is_bad_answers_4xx_with_a_problem_and_stores_nothing(string body, HttpStatusCode expected)
    {
        await using var factory = new DeskFactory();
        var client = factory.CreateClient();
        var response = await client.PostAsync("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/tickets");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/tickets/SD-404", HttpStatusCode.NotFound)]
    [InlineData("/api/tickets/not-a-key", HttpStatusCode.BadRequest)]
    [InlineData("/api/tickets?limit=100000", HttpStatusCode.BadRequest)]
    public async Task Api_when_asked_for_what_does_not_exist_answers_a_problem(string url, HttpStatusCode expected)
    {
        await using var factory = new DeskFactory();
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("10.1.2.3", null)]
    [InlineData("127.0.0.1", "X-Forwarded-For")]
    [InlineData("::1", "Forwarded")]
    [InlineData("127.0.0.1", "X-Real-IP")]
    public async Task Api_when_no_keys_are_configured_refuses_callers_from_elsewhere_or_through_a_proxy(string remote, string? header)
    {
        await using var factory = new DeskFactory();

        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/tickets";
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (header is not null) c.Request.Headers[header] = "203.0.113.7";
        });

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task Api_when_no_keys_are_configured_answers_a_loopback_caller()
    {
        await using var factory = new DeskFactory();

        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/tickets";
            c.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        });

        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task Api_when_keys_are_configured_refuses_a_missing_or_wrong_key()
    {
        await using var factory = new DeskFactory(new() { ["ServiceDesk:Api:Keys:0"] = "s3cret" });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tickets")).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tickets")).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tickets")).StatusCode);
    }

    [Fact]
    public async Task Host_serves_an_OpenAPI_document_describing_the_ticket_api()
    {
        await using var factory = new DeskFactory();
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/tickets", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/tickets/{key}", out _));
    }
}
