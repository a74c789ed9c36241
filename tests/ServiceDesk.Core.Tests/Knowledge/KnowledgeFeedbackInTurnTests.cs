using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>
/// "Solved it" / "not that" belong to the turn they are given in: saved with it or not at all, heard by the search once
/// saved (on the service's own composition: the knowledge base in the main store).
/// </summary>
public sealed class KnowledgeFeedbackInTurnTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Feedback_when_the_turn_is_not_saved_is_not_recorded()
    {
        await using var desk = await TestDesk.StartAsync();
        var (kb, article) = await KnowledgeAsync(desk);

        await using (var turn = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
            await kb.RecordFeedbackAsync(turn, "test:alice", [article], "vpn does not connect", helpful: false, None); // the turn then fails

        Assert.Empty(await kb.Store.ListFeedbackAsync(None));
        Assert.Equal(0, (await kb.Store.FindAsync(article, None))!.NotHelpfulCount);
    }

    [Fact]
    public async Task Feedback_when_the_turn_is_saved_counts_once_and_leaves_out_articles_deleted_meanwhile()
    {
        await using var desk = await TestDesk.StartAsync();
        var (kb, article) = await KnowledgeAsync(desk);
        await kb.EnsureIndexedAsync(None);

        await using (var turn = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
        {
            await kb.RecordFeedbackAsync(turn, "test:alice", [article, "deleted-meanwhile"], "vpn does not connect", helpful: false, None);
            await turn.SaveChangesAsync(None);
        }

        var stored = Assert.Single(await kb.Store.ListFeedbackAsync(None));
        Assert.Equal((article, false), (stored.ArticleId, stored.Helpful));
        Assert.Equal(1, (await kb.Store.FindAsync(article, None))!.NotHelpfulCount);
        Assert.False(await kb.RefreshAsync(force: false, None)); // heard when saved: nothing to reload
    }

    [Fact]
    public async Task Not_that_in_an_intake_records_one_answer_per_suggestion_with_the_turn()
    {
        await using var desk = await TestDesk.StartAsync();
        var (kb, _) = await KnowledgeAsync(desk);
        var fallback = desk.Get<SqliteWriter>().FallbackSaves;

        var suggested = await desk.SendAsync("alice", "alice", "My VPN does not connect since this morning");
        var notThat = suggested.Messages.SelectMany(m => m.Buttons).Single(b => b.Label == "Not that");
        await desk.SendAsync("alice", "alice", notThat.Label, notThat.Value);

        Assert.Equal(fallback, desk.Get<SqliteWriter>().FallbackSaves); // the turn and its feedback saved without EF Core

        var feedback = await kb.Store.ListFeedbackAsync(None);
        Assert.NotEmpty(feedback);
        Assert.All(feedback, f => Assert.False(f.Helpful));
        Assert.Equal(feedback.Count, feedback.Select(f => f.ArticleId).Distinct().Count());
        Assert.All(feedback, f => Assert.Equal("My VPN does not connect since this morning", f.QueryText));
    }

    private static async Task<(KnowledgeBase Kb, string Article)> KnowledgeAsync(TestDesk desk)
    {
        var kb = desk.Get<KnowledgeBase>();
        await kb.SaveAsync(KnowledgeTestArticles.All(), None);
        return (kb, "vpn-en");
    }
}
