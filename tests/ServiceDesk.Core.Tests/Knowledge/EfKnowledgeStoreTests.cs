using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>The knowledge store on the real ServiceDeskDbContext, SQLite in memory, schema from the hand-written migrations.</summary>
public sealed class EfKnowledgeStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private ContextFactory factory = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        factory = new ContextFactory(new DbContextOptionsBuilder<ServiceDeskDbContext>().UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)).Options);
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await connection.DisposeAsync();

    [Fact]
    public async Task Save_then_find_round_trips_every_field_and_updates_in_place()
    {
        var store = new EfKnowledgeStore<ServiceDeskDbContext>(factory);
        var article = KnowledgeTestArticles.Article("vpn-en", "en", "VPN does not connect", "Restart the client.", "vpn", "network");
        article.Category = "network";
        article.SourceTicket = "SD-3";
        await store.SaveAsync([article], None);

        article.Body = "Restart the client and sign in again.";
        article.Tags = ["vpn"];
        article.UpdatedAt = article.UpdatedAt.AddHours(1);
        await store.SaveAsync([article], None);

        var stored = await store.FindAsync("vpn-en", None);
        Assert.NotNull(stored);
        Assert.True(stored.HasSameContent(article));
        Assert.Equal("SD-3", stored.SourceTicket);
        Assert.Equal(article.UpdatedAt, stored.UpdatedAt);
        Assert.Equal(1, await store.CountAsync(None));
    }

    [Fact]
    public async Task Stamp_changes_when_an_article_or_feedback_is_added()
    {
        var store = new EfKnowledgeStore<ServiceDeskDbContext>(factory);
        var empty = await store.GetStampAsync(None);
        await store.SaveAsync(KnowledgeTestArticles.All(), None);
        var full = await store.GetStampAsync(None);
        await store.AddFeedbackAsync(new KnowledgeFeedback { ArticleId = "vpn-en", QueryTerms = "vpn", QueryText = "vpn", Helpful = true }, None);
        var withFeedback = await store.GetStampAsync(None);

        Assert.Equal(new KnowledgeStoreStamp(0, null, 0), empty);
        Assert.Equal(10, full.Count);
        Assert.NotNull(full.LastUpdated);
        Assert.NotEqual(full, withFeedback);
        Assert.Equal(1, (await store.FindAsync("vpn-en", None))!.HelpfulCount);
        Assert.Single(await store.ListFeedbackAsync(None));
    }

    [Fact]
    public async Task List_when_published_only_leaves_out_drafts()
    {
        var store = new EfKnowledgeStore<ServiceDeskDbContext>(factory);
        var draft = KnowledgeTestArticles.Article("kb-sd-1", "en", "Draft", "text");
        draft.Status = KnowledgeArticleStatus.Draft;
        await store.SaveAsync([.. KnowledgeTestArticles.All(), draft], None);

        Assert.Equal(10, (await store.ListAsync(true, None)).Count);
        Assert.Equal(11, (await store.ListAsync(false, None)).Count);
    }

    [Fact]
    public async Task KnowledgeBase_on_the_ef_store_searches_what_was_published()
    {
        var store = new EfKnowledgeStore<ServiceDeskDbContext>(factory);
        using var kb = new KnowledgeFixture(store, KnowledgeTestArticles.All());
        Assert.Equal("vpn-ru", kb.Search("не подключается впн", "ru").Hits[0].ArticleId);
    }

    private sealed class ContextFactory(DbContextOptions<ServiceDeskDbContext> options) : IDbContextFactory<ServiceDeskDbContext>
    {
        public ServiceDeskDbContext CreateDbContext() => new(options);
    }
}
