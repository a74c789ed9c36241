namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>
/// Finds index terms within 1–2 edits of a word (symmetric deletion neighbourhood, verified with
/// the optimal-string-alignment Damerau–Levenshtein distance). Words of 4–7 letters allow one edit,
/// longer words two; shorter words none (too many false friends).
/// </summary>
public sealed class TypoCandidateIndex
{
    private readonly Dictionary<string, List<int>> deletions = new(StringComparer.Ordinal);

    public static int MaxDistanceFor(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    public void Add(string term, int termId)
    {
        var distance = MaxDistanceFor(term.Length);
        if (distance == 0) return;
        foreach (var variant in Deletions(term, distance))
        {
            if (!deletions.TryGetValue(variant, out var list))
            {
                list = new List<int>(1);
                deletions[variant] = list;
            }
            if (list.Count == 0 || list[^1] != termId) list.Add(termId);
        }
    }

    /// <summary>Candidate term ids with their edit distance (≥ 1) to <paramref name="word"/>.</summary>
    public IEnumerable<(int TermId, int Distance)> Find(string word, Func<int, string> termOf)
    {
        var maxDistance = MaxDistanceFor(word.Length);
        if (maxDistance == 0) yield break;
        var seen = new HashSet<int>();
        foreach (var variant in Deletions(word, maxDistance))
        {
            if (!deletions.TryGetValue(variant, out var ids)) continue;
            foreach (var id in ids)
            {
                if (!seen.Add(id)) continue;
                var term = termOf(id);
                var allowed = Math.Min(maxDistance, MaxDistanceFor(term.Length));
                if (allowed == 0) continue;
                var distance = EditDistance.Compute(word, term, allowed);
                if (distance >= 1 && distance <= allowed) yield return (id, distance);
            }
        }
    }

    private static HashSet<string> Deletions(string word, int distance)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var d = 0; d < distance; d++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
            {
                for (var i = 0; i < w.Length; i++)
                {
                    var shorter = w.Remove(i, 1);
                    if (result.Add(shorter)) next.Add(shorter);
                }
            }
            frontier = next;
        }
        return result;
    }
}
