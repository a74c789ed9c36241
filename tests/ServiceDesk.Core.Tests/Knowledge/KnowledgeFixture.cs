using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Knowledge.Indexing;
using ServiceDesk.Core.Knowledge.Search;
using ServiceDesk.Core.Knowledge.Transfer;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>A knowledge base over an in-memory store, wired as in production, for one test.</summary>
public sealed class KnowledgeFixture : IDisposable
{
    public KnowledgeFixture(IKnowledgeStore? store = null, IEnumerable<KnowledgeArticle>? articles = null)
    {
        Store = store ?? new InMemoryKnowledgeStore();
        Index = new KnowledgeIndex(new TextAnalyzer());
        Feedback = new FeedbackMemory();
        Searcher = new KnowledgeSearcher(Index, Feedback);
        Base = new KnowledgeBase(Store, Index, Feedback, Searcher, Clock);
        Transfer = new KnowledgeTransfer(Base, Clock);
        if (articles is not null)
        {
            Base.SaveAsync(articles.ToList(), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public FakeClock Clock { get; } = new();

    public IKnowledgeStore Store { get; }

    public KnowledgeIndex Index { get; }

    public FeedbackMemory Feedback { get; }

    public KnowledgeSearcher Searcher { get; }

    public KnowledgeBase Base { get; }

    public KnowledgeTransfer Transfer { get; }

    public static KnowledgeFixture WithSampleArticles() => new(articles: KnowledgeTestArticles.All());

    public KnowledgeSearchOutcome Search(string query, string? language = null, int top = 5) =>
        Base.SearchDetailedAsync(query, language, top, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => Index.Dispose();
}
