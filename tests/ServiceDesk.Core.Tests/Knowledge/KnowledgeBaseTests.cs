using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Knowledge.Search;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateDraft_when_ticket_is_resolved_makes_an_unsearchable_draft_that_publish_makes_searchable_at_once()
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        var id = await kb.Base.CreateDraftAsync(
            new KnowledgeDraftRequest("SD-12", "Plotter shows error E-47", "The plotter on floor 2 shows E-47.", "Power-cycle the plotter and reseat the roll.", "printing", "en"),
            None);

        Assert.Equal("kb-sd-12", id);
        Assert.DoesNotContain(kb.Search("plotter E-47", "en").Hits, h => h.ArticleId == id);
        var draft = await kb.Store.FindAsync(id, None);
        Assert.Equal(KnowledgeArticleStatus.Draft, draft!.Status);
        Assert.Equal("SD-12", draft.SourceTicket);
        Assert.Contains("Power-cycle", draft.Body);

        var published = await kb.Base.PublishAsync(id, None);

        Assert.Equal(KnowledgeArticleStatus.Published, published!.Status);
        Assert.Equal(id, kb.Search("plotter E-47", "en").Hits[0].ArticleId);
    }

    [Fact]
    public async Task Publish_when_article_does_not_exist_returns_null() =>
        Assert.Null(await new KnowledgeFixture().Base.PublishAsync("nope", None));

    [Fact]
    public async Task RecordFeedback_when_article_keeps_failing_for_similar_queries_sinks_it()
    {
        using var kb = new KnowledgeFixture(articles:
        [
            KnowledgeTestArticles.Article("a", "en", "Outlook does not start", "outlook start profile safe mode"),
            KnowledgeTestArticles.Article("b", "en", "Outlook crashes on start", "outlook crash start add-ins"),
        ]);
        var first = kb.Search("outlook start", "en").Hits[0].ArticleId;
        for (var i = 0; i < 3; i++) await kb.Base.RecordFeedbackAsync(first, "outlook does not start", helpful: false, None);

        Assert.NotEqual(first, kb.Search("outlook start", "en").Hits[0].ArticleId);
        Assert.Equal(3, (await kb.Store.FindAsync(first, None))!.NotHelpfulCount);
        Assert.Equal(3, (await kb.Store.ListFeedbackAsync(None)).Count);
        Assert.Equal(first, kb.Search("outlook profile", "en").Hits[0].ArticleId);
    }

    [Fact]
    public async Task RecordFeedback_when_article_is_unknown_says_so()
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => kb.Base.RecordFeedbackAsync("missing", "vpn", true, None));
        Assert.Contains("missing", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_when_query_is_empty_returns_no_hits(string query)
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        var result = await kb.Base.SearchAsync(query, "en", 3, None);
        Assert.Empty(result.Hits);
        Assert.False(result.Confident);
        Assert.NotNull(KnowledgeQueryRules.Validate(query));
    }

    [Fact]
    public async Task Search_when_query_is_ten_thousand_characters_answers_and_the_rules_explain_the_limit()
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        var query = string.Concat(Enumerable.Repeat("vpn does not connect ", 500))[..10_000];
        Assert.Equal(10_000, query.Length);

        var result = await kb.Base.SearchAsync(query, "en", 3, None);

        Assert.Equal("vpn-en", result.Hits[0].ArticleId);
        Assert.Contains("10,000", KnowledgeQueryRules.Validate(query));
        Assert.Equal(10, kb.Index.Count);
    }

    [Fact]
    public async Task Refresh_when_another_replica_changed_the_store_rebuilds_the_index()
    {
        var store = new InMemoryKnowledgeStore();
        using var kb = new KnowledgeFixture(store, KnowledgeTestArticles.All());
        Assert.False(await kb.Base.RefreshAsync(force: false, None));

        var other = KnowledgeTestArticles.Article("kettle", "en", "Kettle in the kitchen is broken", "kettle kitchen");
        other.UpdatedAt = kb.Clock.GetUtcNow().AddMinutes(5);
        await store.SaveAsync([other], None);

        Assert.True(await kb.Base.RefreshAsync(force: false, None));
        Assert.Equal("kettle", kb.Search("kettle", "en").Hits[0].ArticleId);
    }

    [Fact]
    public void QueryKey_when_queries_differ_in_inflection_and_order_is_the_same()
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        Assert.Equal(kb.Searcher.QueryKey("printers not printing", "en"), kb.Searcher.QueryKey("printing printer", "en"));
    }

    [Fact]
    public async Task Refresh_when_another_replica_recorded_feedback_reloads_it_without_rebuilding()
    {
        var store = new InMemoryKnowledgeStore();
        using var kb = new KnowledgeFixture(store, KnowledgeTestArticles.All());
        await kb.Base.RecordFeedbackAsync("vpn-en", "vpn", helpful: true, None);
        Assert.False(await kb.Base.RefreshAsync(force: false, None));

        for (var i = 0; i < 3; i++)
        {
            await store.AddFeedbackAsync(new KnowledgeFeedback { ArticleId = "vpn-en", QueryTerms = "connect vpn", QueryText = "vpn connect", Helpful = false }, None);
        }
        var before = kb.Search("vpn connect", "en").Hits.Single(h => h.ArticleId == "vpn-en").Score;

        Assert.False(await kb.Base.RefreshAsync(force: false, None));
        Assert.True(kb.Search("vpn connect", "en").Hits.Single(h => h.ArticleId == "vpn-en").Score < before);
    }

    [Fact]
    public async Task Save_when_another_replica_changed_the_store_first_indexes_its_change_too()
    {
        var store = new InMemoryKnowledgeStore();
        using var kb = new KnowledgeFixture(store, KnowledgeTestArticles.All());
        var other = KnowledgeTestArticles.Article("kettle", "en", "Kettle in the kitchen is broken", "kettle kitchen");
        await store.SaveAsync([other], None);

        await kb.Base.SaveAsync([KnowledgeTestArticles.Article("toaster", "en", "Toaster", "toaster")], None);

        Assert.Equal("kettle", kb.Search("kettle", "en").Hits[0].ArticleId);
        Assert.Equal("toaster", kb.Search("toaster", "en").Hits[0].ArticleId);
    }
}
