using ServiceDesk.Core.Knowledge.Evaluation;

namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class EvaluationMetricsTests
{
    [Fact]
    public void Add_computes_recall_mrr_and_false_suggestions()
    {
        var m = new EvaluationMetrics();
        m.Add(["a"], ["a", "b", "c"], confident: true);   // rank 1
        m.Add(["c"], ["a", "b", "c"], confident: false);  // rank 3
        m.Add(["z"], ["a", "b", "c", "d"], confident: true); // miss
        m.Add([], ["a"], confident: true);                // false suggestion
        m.Add([], ["a"], confident: false);               // correctly quiet

        Assert.Equal(1.0 / 3, m.RecallAt1, 6);
        Assert.Equal(2.0 / 3, m.RecallAt3, 6);
        Assert.Equal((1 + 1.0 / 3) / 3, m.MrrAt10, 6);
        Assert.Equal(0.5, m.FalseSuggestionRate, 6);
    }

    [Fact]
    public void Read_when_a_line_is_bad_reports_its_number_and_keeps_the_rest()
    {
        var (queries, errors) = EvaluationReader.Read(new StringReader(
            "{\"q\":\"vpn\",\"lang\":\"en\",\"relevant\":[\"vpn-en\"]}\nnot json\n{\"q\":\"x\",\"lang\":\"de\",\"relevant\":[]}\n{\"q\":\"пицца\",\"lang\":\"ru\",\"relevant\":[]}"));
        Assert.Equal(2, queries.Count);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("line 2:", errors[0]);
        Assert.Contains("unknown language 'de'", errors[1]);
    }
}
