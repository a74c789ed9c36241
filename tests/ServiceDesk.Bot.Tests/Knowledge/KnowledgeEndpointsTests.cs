using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Api;
using ServiceDesk.Bot.Api.Knowledge;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Tests.Knowledge;

namespace ServiceDesk.Bot.Tests.Knowledge;

/// <summary>GET /api/kb/search and /api/kb/articles/{id} on a minimal host with the knowledge base in memory.</summary>
public sealed class KnowledgeEndpointsTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddOptions<ServiceDeskOptions>();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddKnowledgeBase(runIndexRefresher: false);
        app = builder.Build();
        app.MapKnowledgeEndpoints();
        await app.StartAsync();
        await app.Services.GetRequiredService<KnowledgeBase>().SaveAsync(KnowledgeTestArticles.All(), CancellationToken.None);
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Search_returns_hits_with_scores_coverage_and_confidence()
    {
        var response = await client.GetFromJsonAsync<JsonElement>("/api/kb/search?q=не%20подключается%20VPN&top=2");

        Assert.Equal("ru", response.GetProperty("language").GetString());
        Assert.True(response.GetProperty("languageGuessed").GetBoolean());
        Assert.True(response.GetProperty("confident").GetBoolean());
        var hits = response.GetProperty("hits");
        Assert.Equal(2, hits.GetArrayLength());
        Assert.Equal("vpn-ru", hits[0].GetProperty("articleId").GetString());
        Assert.True(hits[0].GetProperty("coverage").GetDouble() > 0);
    }

    [Theory]
    [InlineData("/api/kb/search?q=", "empty")]
    [InlineData("/api/kb/search?q=vpn&lang=de", "Unknown language 'de'")]
    [InlineData("/api/kb/search?q=vpn&top=0", "top must be a number")]
    public async Task Search_when_input_is_invalid_answers_400_problem_details(string url, string message)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_when_query_is_ten_thousand_characters_answers_400_with_the_limit()
    {
        var response = await client.GetAsync("/api/kb/search?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 2,000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Article_returns_the_markdown_body_or_404()
    {
        var article = await client.GetFromJsonAsync<JsonElement>("/api/kb/articles/vpn-en");
        Assert.Equal("VPN does not connect", article.GetProperty("title").GetString());
        Assert.Contains("AnyConnect", article.GetProperty("body").GetString());

        var missing = await client.GetAsync("/api/kb/articles/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
