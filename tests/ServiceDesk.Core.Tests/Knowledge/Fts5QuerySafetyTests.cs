using ServiceDesk.Core.Knowledge.Indexing;

namespace ServiceDesk.Core.Tests.Knowledge;

/// <summary>Text that looks like FTS5 query syntax is searched as plain words: no error, no operator meaning.</summary>
public sealed class Fts5QuerySafetyTests
{
    [Theory]
    [InlineData("\"vpn")]
    [InlineData("vpn*")]
    [InlineData("vpn NEAR password")]
    [InlineData("vpn OR")]
    [InlineData("AND vpn NOT")]
    [InlineData("-vpn")]
    [InlineData("(vpn")]
    [InlineData("title:vpn")]
    [InlineData("{title tags}: vpn")]
    [InlineData("vpn'); DROP TABLE kb; --")]
    [InlineData("^vpn + \"\" ''")]
    public void Search_when_query_looks_like_fts5_syntax_treats_it_as_plain_words(string query)
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        var outcome = kb.Search(query, "en");
        Assert.Equal("vpn-en", outcome.Hits[0].ArticleId);
        Assert.Equal(10, kb.Index.Count);
    }

    [Fact]
    public void Search_when_query_has_fts5_operators_as_words_matches_them_as_words()
    {
        using var kb = new KnowledgeFixture(articles:
        [
            KnowledgeTestArticles.Article("near", "en", "Near field printing", "near field badge printing"),
            KnowledgeTestArticles.Article("other", "en", "Scanner", "scanner glass"),
        ]);
        Assert.Equal("near", kb.Search("NEAR", "en").Hits[0].ArticleId);
    }

    [Fact]
    public void AnyOf_quotes_every_term_and_doubles_embedded_quotes() =>
        Assert.Equal("\"a\"\"b\" OR \"c\"", Fts5Match.AnyOf(["a\"b", "c"]));
}
