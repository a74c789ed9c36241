using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Indexing;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class TypoToleranceTests
{
    [Theory]
    [InlineData("password", "pasword", 1)]
    [InlineData("password", "passwrod", 1)]
    [InlineData("password", "paswrod", 2)]
    [InlineData("printer", "printre", 1)]
    [InlineData("printer", "xyzzy", 3)]
    public void EditDistance_counts_insertions_deletions_substitutions_and_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Min(EditDistance.Compute(a, b, 2), 3));

    [Fact]
    public void TypoCandidates_when_word_is_one_or_two_edits_away_finds_the_index_term()
    {
        var index = new TypoCandidateIndex();
        string[] terms = ["password", "printer", "outlook"];
        for (var i = 0; i < terms.Length; i++) index.Add(terms[i], i);

        Assert.Contains(index.Find("pasword", i => terms[i]), c => c is { TermId: 0, Distance: 1 });
        Assert.Contains(index.Find("paswordd", i => terms[i]), c => c is { TermId: 0, Distance: 2 });
        Assert.Empty(index.Find("paswrod", i => terms[i]));
        Assert.Contains(index.Find("outlok", i => terms[i]), c => c is { TermId: 2, Distance: 1 });
        Assert.DoesNotContain(index.Find("pastword", i => terms[i]), c => c.TermId == 1);
    }

    [Fact]
    public void TypoCandidates_when_word_is_short_allows_no_edit()
    {
        var index = new TypoCandidateIndex();
        index.Add("vpn", 0);
        Assert.Empty(index.Find("vpm", _ => "vpn"));
    }

    [Theory]
    [InlineData("pasword reset", "password-en")]
    [InlineData("printre does not print", "printer-en")]
    [InlineData("не подключаеться впн", "vpn-ru")]
    [InlineData("drukrka nie drukuje", "printer-pl")]
    public void Search_when_query_word_has_a_typo_still_finds_the_article(string query, string expected)
    {
        using var kb = KnowledgeFixture.WithSampleArticles();
        var outcome = kb.Search(query);
        Assert.Equal(expected, outcome.Hits[0].ArticleId);
    }

    [Fact]
    public void Search_when_word_matches_exactly_and_by_typo_ranks_the_exact_match_first()
    {
        using var kb = new KnowledgeFixture(articles:
        [
            KnowledgeTestArticles.Article("exact", "en", "Printer help", "printer toner"),
            KnowledgeTestArticles.Article("typo", "en", "Printed help", "printed toner"),
        ]);
        var query = kb.Index.Analyzer.AnalyzeQuery("printers", "en");
        Assert.Equal(TermOrigin.Exact, query.Words[0].Terms[0].Origin);
        Assert.Equal("exact", kb.Search("printer").Hits[0].ArticleId);
    }

    [Fact]
    public void Search_when_word_is_a_truncated_colloquial_form_matches_longer_terms_by_prefix()
    {
        using var kb = new KnowledgeFixture(articles:
        [
            KnowledgeTestArticles.Article("sync-ru", "ru", "OneDrive: не идёт синхронизация", "Синхронизация файлов остановилась, значок с красным крестом."),
            KnowledgeTestArticles.Article("mail-ru", "ru", "Почтовый ящик переполнен", "Удалите старые письма."),
        ]);
        var outcome = kb.Search("не синхронит папку", "ru");
        Assert.Equal("sync-ru", outcome.Hits[0].ArticleId);
        Assert.Contains(kb.Index.Analyzer.AnalyzeQuery("синхронит", "ru").Words, w => w.Terms[0].Term == "синхрон");
    }
}
