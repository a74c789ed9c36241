using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Indexing;
using ServiceDesk.Core.Knowledge.Search;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class KnowledgeIndexTests
{
    [Fact]
    public void Rebuild_when_index_path_is_set_keeps_the_index_in_a_file_and_removes_old_generations()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kb-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = new KnowledgeIndex(new TextAnalyzer(), Path.Combine(folder, "kb-index.db")))
            {
                index.Rebuild(KnowledgeTestArticles.All());
                index.Rebuild(KnowledgeTestArticles.All());
                var searcher = new KnowledgeSearcher(index, new FeedbackMemory());

                Assert.Equal("vpn-en", searcher.Search("vpn", "en", 3).Hits[0].ArticleId);
                Assert.Single(Directory.GetFiles(folder, "kb-index.*.db"));
            }
            Assert.Empty(Directory.GetFiles(folder, "kb-index.*.db"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Upsert_when_article_becomes_a_draft_removes_it_from_the_index()
    {
        using var index = new KnowledgeIndex(new TextAnalyzer());
        index.Rebuild(KnowledgeTestArticles.All());
        var article = KnowledgeTestArticles.All().First(a => a.Id == "vpn-en");
        article.Status = ServiceDesk.Core.Knowledge.Articles.KnowledgeArticleStatus.Draft;

        index.Upsert(article);

        Assert.Equal(9, index.Count);
        Assert.DoesNotContain(new KnowledgeSearcher(index, new FeedbackMemory()).Search("vpn", "en", 10).Hits, h => h.ArticleId == "vpn-en");
    }

    [Fact]
    public async Task Search_while_the_index_is_rebuilt_always_answers()
    {
        using var index = new KnowledgeIndex(new TextAnalyzer());
        index.Rebuild(KnowledgeTestArticles.All());
        var searcher = new KnowledgeSearcher(index, new FeedbackMemory());
        using var stop = new CancellationTokenSource();

        var rebuilds = Task.Run(() =>
        {
            for (var i = 0; i < 30; i++) index.Rebuild(KnowledgeTestArticles.All());
            stop.Cancel();
        });
        var answered = 0;
        while (!stop.IsCancellationRequested)
        {
            Assert.Equal("vpn-en", searcher.Search("vpn", "en", 3).Hits[0].ArticleId);
            answered++;
        }
        await rebuilds;
        Assert.True(answered > 0);
    }
}
