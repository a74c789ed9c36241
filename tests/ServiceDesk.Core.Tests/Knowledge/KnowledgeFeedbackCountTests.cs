using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Storage;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>
/// An article's helpful / not-helpful counters on the stores of a running service (a SQLite file with the service's
/// settings, and PostgreSQL), with many people answering at once.
/// </summary>
public sealed class KnowledgeFeedbackCountTests
{
    private const int People = 40;

    [Fact]
    public Task Feedback_when_many_answer_at_once_on_sqlite_counts_every_answer() =>
        OnSqliteFileAsync(CountsEveryAnswerAsync);

    [PostgresFact]
    public async Task Feedback_when_many_answer_at_once_on_postgres_counts_every_answer()
    {
        var (connection, drop) = await PostgresTestDatabase.CreateAsync();
        try
        {
            await CountsEveryAnswerAsync(new ServiceDeskOptions { Database = { Provider = "Postgres", ConnectionString = connection } });
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public Task Save_when_the_article_is_edited_from_an_older_copy_keeps_the_counters() => OnSqliteFileAsync(async options =>
    {
        var store = await StoreAsync(options);
        var article = KnowledgeTestArticles.Article("vpn-en", "en", "VPN does not connect", "Restart the client.", "vpn");
        await store.SaveAsync([article], default);
        var older = (await store.FindAsync("vpn-en", default))!;
        await store.AddFeedbackAsync(Feedback(helpful: true), default);
        await store.AddFeedbackAsync(Feedback(helpful: false), default);

        older.Body = "Restart the client and sign in again.";
        await store.SaveAsync([older], default);

        var stored = (await store.FindAsync("vpn-en", default))!;
        Assert.Equal("Restart the client and sign in again.", stored.Body);
        Assert.Equal((1, 1), (stored.HelpfulCount, stored.NotHelpfulCount));
    });

    [Fact]
    public Task Feedback_when_the_article_is_unknown_says_so_and_stores_nothing() => OnSqliteFileAsync(async options =>
    {
        var store = await StoreAsync(options);

        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.AddFeedbackAsync(Feedback(helpful: true), default));

        Assert.Contains("vpn-en", e.Message);
        Assert.Empty(await store.ListFeedbackAsync(default));
    });

    /// <summary>Runs <paramref name="test"/> on a SQLite store in a fresh data directory, with the service's settings.</summary>
    private static async Task OnSqliteFileAsync(Func<ServiceDeskOptions, Task> test)
    {
        var data = Directory.CreateTempSubdirectory("sd-kb-counts-").FullName;
        try
        {
            await test(new ServiceDeskOptions { DataDirectory = data });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task CountsEveryAnswerAsync(ServiceDeskOptions options)
    {
        var store = await StoreAsync(options);
        await store.SaveAsync([KnowledgeTestArticles.Article("vpn-en", "en", "VPN does not connect", "Restart the client.", "vpn")], default);

        using var start = new ManualResetEventSlim();
        var answers = Enumerable.Range(0, People).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await store.AddFeedbackAsync(Feedback(helpful: i % 4 == 0, queryTerms: i % 2 == 0 ? "vpn" : "connect vpn"), default);
        })).ToList();
        start.Set();
        await Task.WhenAll(answers);

        var stored = (await store.FindAsync("vpn-en", default))!;
        Assert.Equal(People, (await store.ListFeedbackAsync(default)).Count);
        Assert.Equal((People / 4, People - People / 4), (stored.HelpfulCount, stored.NotHelpfulCount));
        // the search's ranking loads one tally per article and query, not every answer
        var tallies = (await store.ListFeedbackTalliesAsync(default)).OrderBy(t => t.QueryTerms, StringComparer.Ordinal);
        Assert.Equal([new FeedbackTally("vpn-en", "connect vpn", 0, People / 2), new FeedbackTally("vpn-en", "vpn", People / 4, People / 4)], tallies);
    }

    private static async Task<EfKnowledgeStore<ServiceDeskDbContext>> StoreAsync(ServiceDeskOptions options)
    {
        var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
        StoreRegistration.Configure(builder, options);
        var factory = new PooledDbContextFactory<ServiceDeskDbContext>(builder.Options);
        await new DatabaseInitializer(factory, Options.Create(options), NullLogger<DatabaseInitializer>.Instance).InitializeAsync(default);
        return new EfKnowledgeStore<ServiceDeskDbContext>(factory);
    }

    private static KnowledgeFeedback Feedback(bool helpful, string queryTerms = "vpn") =>
        new() { ArticleId = "vpn-en", QueryTerms = queryTerms, QueryText = "vpn does not connect", Helpful = helpful, CreatedAt = DateTimeOffset.UnixEpoch };
}
