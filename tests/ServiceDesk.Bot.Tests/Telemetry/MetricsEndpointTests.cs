using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Telemetry;
using ServiceDesk.Bot.Tests.Api;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Telemetry;

public sealed class MetricsEndpointTests
{
    private static InboundMessage Hello(string id) => new()
    {
        Channel = "web", ConversationId = "emp-1", SenderId = "emp-1", MessageId = id, Text = "help", Locale = "en-US",
    };

    private static async Task<string[]> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync(MetricsEndpoint.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (await response.Content.ReadAsStringAsync()).Split('\n');
    }

    [Fact]
    public async Task Metrics_count_turns_by_outcome_and_read_the_store_at_each_scrape()
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        var engine = desk.Services.GetRequiredService<ConversationEngine>();
        await engine.HandleAsync(Hello("m1"), CancellationToken.None);
        await engine.HandleAsync(Hello("m1"), CancellationToken.None); // redelivered
        await client.PostAsJsonAsync("/api/tickets", new { title = "Disk full on srv-01", impact = "High", urgency = "Medium" });
        await ParkedMessages.AddAsync(desk.Services, "telegram", "555", "403 Forbidden: bot was blocked by the user");

        var lines = await ScrapeAsync(client);

        Assert.Contains("servicedesk_turns_total{channel=\"web\",outcome=\"handled\"} 1", lines);
        Assert.Contains("servicedesk_turns_total{channel=\"web\",outcome=\"duplicate\"} 1", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_count{channel=\"web\"} 2", lines);
        Assert.Contains("servicedesk_store_up 1", lines);
        Assert.Contains("servicedesk_outbox_messages{status=\"parked\"} 1", lines);
        Assert.Contains("servicedesk_tickets_open{line=\"L1\",priority=\"P2\"} 1", lines);
        Assert.Contains(lines, l => l.StartsWith("servicedesk_outbox_oldest_pending_age_seconds ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_include_ASP_NET_Core_request_durations_by_route_and_status()
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        await client.GetAsync("/api/tickets");
        await client.GetAsync("/api/tickets/SD-404");

        var lines = await ScrapeAsync(client);

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", lines);
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/api/tickets/\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal)
            && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/api/tickets/{key}\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"404\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE http_server_active_requests gauge", lines);
    }

    [Fact]
    public async Task Metrics_count_deliveries_of_the_outbox()
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        var id = await ParkedMessages.AddAsync(desk.Services, "web", "emp-42", "timeout");

        await client.PostAsync($"/api/outbox/parked/{id}/retry", null);
        await ParkedMessages.SettledAsync(desk.Services);
        var lines = await ScrapeAsync(client);

        Assert.Contains("servicedesk_outbox_deliveries_total{channel=\"web\",outcome=\"sent\"} 1", lines);
        Assert.Contains("servicedesk_outbox_messages{status=\"parked\"} 0", lines);
        Assert.Contains("servicedesk_outbox_messages{status=\"pending\"} 0", lines);
    }

    [Fact]
    public async Task Metrics_when_keys_are_configured_take_the_key_as_a_bearer_credential()
    {
        await using var desk = new DeskFactory(new() { ["ServiceDesk:Api:Keys:0"] = "scrape-key-0123456789" });
        var client = desk.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(MetricsEndpoint.Path)).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(MetricsEndpoint.Path)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-key-0123456789");
        Assert.Contains("servicedesk_store_up 1", await ScrapeAsync(client));
    }
}
