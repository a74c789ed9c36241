using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Knowledge.Search;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class FeedbackMemoryTests
{
    private static readonly HashSet<string> VpnQuery = new(["connect", "vpn"], StringComparer.Ordinal);

    [Fact]
    public void Add_when_the_same_query_is_answered_many_times_keeps_one_tally()
    {
        var memory = new FeedbackMemory();

        for (var i = 0; i < 1000; i++) memory.Add(Answer("vpn-en", "connect vpn", helpful: i % 10 == 0));
        memory.Add(Answer("vpn-en", "vpn", helpful: false));
        memory.Add(Answer("wifi-en", "connect vpn", helpful: false));

        Assert.Equal(3, memory.DistinctQueries);
    }

    [Fact]
    public void Factor_when_loaded_as_tallies_equals_the_factor_of_the_answers_one_by_one()
    {
        var oneByOne = new FeedbackMemory();
        oneByOne.Add(Answer("vpn-en", "connect vpn", helpful: true));
        oneByOne.Add(Answer("vpn-en", "vpn", helpful: false));
        oneByOne.Add(Answer("vpn-en", "vpn", helpful: false));
        oneByOne.Add(Answer("vpn-en", "printer", helpful: false));
        var tallied = new FeedbackMemory();
        tallied.Replace([new FeedbackTally("vpn-en", "connect vpn", 1, 0), new FeedbackTally("vpn-en", "vpn", 0, 2), new FeedbackTally("vpn-en", "printer", 0, 1)]);

        var factor = tallied.Factor("vpn-en", VpnQuery);

        Assert.Equal(oneByOne.Factor("vpn-en", VpnQuery), factor, precision: 12);
        // "connect vpn" counts fully (+0.2), "vpn" twice at similarity ½ (−0.4), "printer" not at all
        Assert.Equal(Math.Exp(0.2 * 1 - 0.4 * (2 * 0.5)), factor, precision: 12);
    }

    [Fact]
    public void Factor_when_an_article_keeps_failing_bottoms_out_and_others_are_untouched()
    {
        var memory = new FeedbackMemory();
        for (var i = 0; i < 50; i++) memory.Add(Answer("vpn-en", "connect vpn", helpful: false));

        Assert.Equal(0.2, memory.Factor("vpn-en", VpnQuery), precision: 12);
        Assert.Equal(1.0, memory.Factor("wifi-en", VpnQuery), precision: 12);
        Assert.Equal(1.0, memory.Factor("vpn-en", new HashSet<string>(["printer"], StringComparer.Ordinal)), precision: 12);
    }

    [Fact]
    public void Replace_when_given_new_tallies_forgets_the_old_ones()
    {
        var memory = new FeedbackMemory();
        memory.Add(Answer("vpn-en", "connect vpn", helpful: false));

        memory.Replace([]);

        Assert.Equal(0, memory.DistinctQueries);
        Assert.Equal(1.0, memory.Factor("vpn-en", VpnQuery), precision: 12);
    }

    private static KnowledgeFeedback Answer(string articleId, string queryTerms, bool helpful) =>
        new() { ArticleId = articleId, QueryTerms = queryTerms, QueryText = queryTerms, Helpful = helpful };
}
