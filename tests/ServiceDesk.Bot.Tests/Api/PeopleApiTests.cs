using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Bot.Tests.Privacy;

namespace ServiceDesk.Bot.Tests.Api;

public sealed class PeopleApiTests
{
    [Fact]
    public async Task Delete_person_erases_their_data_with_the_counts_and_then_answers_404()
    {
        await using var desk = new DeskFactory();
        var client = desk.CreateClient();
        await PrivacySeed.WithAsync(desk.Services, db =>
        {
            db.Profiles.Add(PrivacySeed.Profile("telegram:4242", "telegram", "4242"));
            db.Tickets.Add(PrivacySeed.Ticket(1, "telegram:4242", "telegram", "4242"));
        });

        var response = await client.DeleteAsync("/api/people/telegram:4242");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("telegram:4242", body.GetProperty("personId").GetString());
        Assert.StartsWith("erased:", body.GetProperty("pseudonym").GetString());
        Assert.Equal(1, body.GetProperty("erased").GetProperty("person_profiles").GetInt32());
        Assert.Equal(1, body.GetProperty("erased").GetProperty("tickets").GetInt32());
        Assert.False(body.GetProperty("namedInConfiguration").GetBoolean());
        var ticket = await client.GetFromJsonAsync<JsonElement>("/api/tickets/SD-1");
        Assert.Equal("[erased]", ticket.GetProperty("ticket").GetProperty("title").GetString());
        Assert.Equal("personal_data_erased", ticket.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());

        var again = await client.DeleteAsync("/api/people/telegram%3A4242");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/people/telegram:999")).StatusCode);
    }

    [Fact]
    public async Task Delete_person_with_keys_configured_needs_a_valid_key()
    {
        await using var desk = new DeskFactory(new() { ["ServiceDesk:Api:Keys:0"] = "s3cret" });
        var client = desk.CreateClient();
        await PrivacySeed.WithAsync(desk.Services, db => db.Profiles.Add(PrivacySeed.Profile("telegram:4242", "telegram", "4242")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/people/telegram:4242")).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/people/telegram:4242")).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/api/people/telegram:4242")).StatusCode);
    }
}
