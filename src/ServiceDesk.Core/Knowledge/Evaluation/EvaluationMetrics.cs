namespace ServiceDesk.Core.Knowledge.Evaluation;

/// <summary>Accumulates recall@1, recall@3, MRR@10 on covered queries and the false-suggestion rate on uncovered ones.</summary>
public sealed class EvaluationMetrics
{
    public int Covered { get; private set; }

    public int Uncovered { get; private set; }

    public int HitsAt1 { get; private set; }

    public int HitsAt3 { get; private set; }

    public double ReciprocalRankSum { get; private set; }

    public int FalseSuggestions { get; private set; }

    /// <summary>Covered queries where the bot would show a suggestion (confident).</summary>
    public int ConfidentCovered { get; private set; }

    public double RecallAt1 => Covered == 0 ? 0 : (double)HitsAt1 / Covered;

    public double RecallAt3 => Covered == 0 ? 0 : (double)HitsAt3 / Covered;

    public double MrrAt10 => Covered == 0 ? 0 : ReciprocalRankSum / Covered;

    public double FalseSuggestionRate => Uncovered == 0 ? 0 : (double)FalseSuggestions / Uncovered;

    public double SuggestionRateOnCovered => Covered == 0 ? 0 : (double)ConfidentCovered / Covered;

    /// <summary>Adds one query's outcome: <paramref name="ranked"/> are the returned article ids, best first.</summary>
    public void Add(IReadOnlyList<string> relevant, IReadOnlyList<string> ranked, bool confident)
    {
        if (relevant.Count == 0)
        {
            Uncovered++;
            if (confident && ranked.Count > 0) FalseSuggestions++;
            return;
        }
        Covered++;
        if (confident) ConfidentCovered++;
        var rank = -1;
        for (var i = 0; i < Math.Min(10, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i], StringComparer.OrdinalIgnoreCase))
            {
                rank = i + 1;
                break;
            }
        }
        if (rank == 1) HitsAt1++;
        if (rank is >= 1 and <= 3) HitsAt3++;
        if (rank >= 1) ReciprocalRankSum += 1.0 / rank;
    }
}
